package io.modyn.protocol.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

/**
 * Cross-origin headers for the pages {@link BrowserAccess} allows, so that browser clients (the
 * AWS SDK for JavaScript in a page, NoSQL tooling) can call the server. The allowed origin is
 * echoed (never {@code *}, with {@code Vary: Origin} so caches keep answers apart), a preflight is
 * answered with the fixed list of methods and headers the API uses (never an echo of what the
 * page asked for), and responses expose the headers the SDK reads.
 */
final class Cors {

    static final String MAX_AGE_SECONDS = "7200";
    static final String EXPOSED_HEADERS = "x-amzn-RequestId,x-amz-crc32";
    static final String ALLOWED_METHODS = "POST, GET";
    /** What the AWS SDKs send to DynamoDB: the signature's headers, the target and the SDK's own. */
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Content-Encoding, X-Amz-Date, X-Amz-Target, "
            + "X-Amz-Security-Token, X-Amz-User-Agent, X-Amz-Content-Sha256, Amz-Sdk-Invocation-Id, Amz-Sdk-Request";

    static final HttpString ORIGIN = new HttpString("Origin");
    private static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");
    private static final HttpString ALLOW_METHODS = new HttpString("Access-Control-Allow-Methods");
    private static final HttpString ALLOW_HEADERS = new HttpString("Access-Control-Allow-Headers");
    private static final HttpString EXPOSE_HEADERS = new HttpString("Access-Control-Expose-Headers");
    private static final HttpString MAX_AGE = new HttpString("Access-Control-Max-Age");

    private Cors() {
    }

    /** The headers every response to an allowed cross-origin request carries. */
    static void allowOrigin(HttpServerExchange exchange, String origin) {
        HeaderMap response = exchange.getResponseHeaders();
        response.put(ALLOW_ORIGIN, origin);
        response.add(Headers.VARY, "Origin");
        response.put(EXPOSE_HEADERS, EXPOSED_HEADERS);
    }

    /** Answers a preflight (OPTIONS with an allowed Origin): 200, no body. */
    static void answerPreflight(HttpServerExchange exchange) {
        HeaderMap response = exchange.getResponseHeaders();
        response.put(ALLOW_METHODS, ALLOWED_METHODS);
        response.put(ALLOW_HEADERS, ALLOWED_HEADERS);
        response.put(MAX_AGE, MAX_AGE_SECONDS);
        exchange.setStatusCode(200);
        exchange.setResponseContentLength(0);
        exchange.endExchange();
    }
}
