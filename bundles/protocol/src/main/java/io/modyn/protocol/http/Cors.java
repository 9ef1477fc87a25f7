package io.modyn.protocol.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;

/**
 * Cross-origin headers as DynamoDB sends them, so that browser clients (the AWS SDK for
 * JavaScript in a page, NoSQL tooling) can call the server: any origin is allowed, a preflight is
 * answered with the method and headers it asked for, and responses expose the headers the SDK
 * reads.
 */
final class Cors {

    static final String MAX_AGE_SECONDS = "172800";
    static final String EXPOSED_HEADERS = "x-amzn-RequestId,x-amz-crc32";

    private static final HttpString ORIGIN = new HttpString("Origin");
    private static final HttpString REQUEST_METHOD = new HttpString("Access-Control-Request-Method");
    private static final HttpString REQUEST_HEADERS = new HttpString("Access-Control-Request-Headers");
    private static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");
    private static final HttpString ALLOW_METHODS = new HttpString("Access-Control-Allow-Methods");
    private static final HttpString ALLOW_HEADERS = new HttpString("Access-Control-Allow-Headers");
    private static final HttpString EXPOSE_HEADERS = new HttpString("Access-Control-Expose-Headers");
    private static final HttpString MAX_AGE = new HttpString("Access-Control-Max-Age");

    private Cors() {
    }

    /** Adds the headers every response to a cross-origin request carries; false if it is not one. */
    static boolean applyOrigin(HttpServerExchange exchange) {
        if (!exchange.getRequestHeaders().contains(ORIGIN)) {
            return false;
        }
        HeaderMap response = exchange.getResponseHeaders();
        response.put(ALLOW_ORIGIN, "*");
        response.put(EXPOSE_HEADERS, EXPOSED_HEADERS);
        return true;
    }

    /** Answers a preflight (OPTIONS with an Origin): 200, no body. */
    static void answerPreflight(HttpServerExchange exchange) {
        HeaderMap request = exchange.getRequestHeaders();
        HeaderMap response = exchange.getResponseHeaders();
        String method = request.getFirst(REQUEST_METHOD);
        response.put(ALLOW_METHODS, method != null ? method : "POST, GET, OPTIONS");
        String headers = request.getFirst(REQUEST_HEADERS);
        if (headers != null) {
            response.put(ALLOW_HEADERS, headers);
        }
        response.put(MAX_AGE, MAX_AGE_SECONDS);
        exchange.setStatusCode(200);
        exchange.setResponseContentLength(0);
        exchange.endExchange();
    }
}
