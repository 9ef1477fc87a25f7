package io.modyn.protocol.http;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.nio.charset.StandardCharsets;

/**
 * The first handler of every request, on an Undertow I/O thread, which must never block: it
 * stamps the request id, turns away what a browser must not do ({@link BrowserAccess}: requests
 * for another host name, requests from pages of other origins, with no CORS headers so the page
 * cannot read the refusal either), answers the cheap requests itself (CORS preflight, the
 * {@code GET /} health line, the orchestrators' {@code /health/live} and {@code /health/ready}, the
 * 404 for other methods) and hands API calls to the {@link ApiCallIntake}.
 */
final class RootHandler implements HttpHandler {

    static final String LIVE_PATH = "/health/live";
    static final String READY_PATH = "/health/ready";
    private static final String JSON = "application/json";
    private static final byte[] LIVE = "{\"status\":\"live\"}\n".getBytes(StandardCharsets.UTF_8);

    private final ApiCallIntake apiCalls;
    private final ResponseSender sender;
    private final FirstRequestLog firstRequestLog;
    private final BrowserAccess browsers;
    private final Readiness readiness;
    private final byte[] healthLine;

    RootHandler(ApiCallIntake apiCalls, ResponseSender sender, FirstRequestLog firstRequestLog, BrowserAccess browsers,
                Readiness readiness, String region) {
        this.apiCalls = apiCalls;
        this.sender = sender;
        this.firstRequestLog = firstRequestLog;
        this.browsers = browsers;
        this.readiness = readiness;
        // DynamoDB's own answer, trailing space included; health checks match it verbatim.
        this.healthLine = ("healthy: dynamodb." + region + ".amazonaws.com ").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        String requestId = RequestIds.next();
        exchange.putAttachment(RequestIds.KEY, requestId);
        exchange.getResponseHeaders().put(RequestIds.HEADER, requestId);
        firstRequestLog.watch(exchange);
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (!browsers.allowsHost(host)) {
            refuse(exchange, "The host name in this request (" + host + ") is not one this server answers to; "
                    + "start it with --hostname NAME to serve requests addressed to NAME");
            return;
        }
        String origin = exchange.getRequestHeaders().getFirst(Cors.ORIGIN);
        if (origin != null) {
            if (!browsers.allowsOrigin(origin)) {
                refuse(exchange, "Requests from web pages of origin " + origin + " are not allowed; "
                        + "start the server with --cors-origins " + origin + " to allow them");
                return;
            }
            Cors.allowOrigin(exchange, origin);
        }
        HttpString method = exchange.getRequestMethod();
        if (method.equals(Methods.POST)) {
            apiCalls.take(exchange);
        } else if (method.equals(Methods.OPTIONS) && origin != null) {
            Cors.answerPreflight(exchange);
        } else if (method.equals(Methods.GET) || method.equals(Methods.HEAD)) {
            answerHealth(exchange);
        } else {
            sender.sendUnknownOperationPage(exchange);
        }
    }

    /** Healthy only while requests can be served: a load balancer or supervisor must not send traffic before. */
    private void answerHealth(HttpServerExchange exchange) {
        switch (exchange.getRequestPath()) {
            case LIVE_PATH -> {
                // The process answers HTTP: nothing a restart would fix (Kubernetes' liveness probe).
                sender.send(exchange, 200, JSON, new ResponseBuffer(LIVE));
                return;
            }
            case READY_PATH -> {
                sender.send(exchange, readiness.ready() ? 200 : 503, JSON, new ResponseBuffer(readiness.report()));
                return;
            }
            default -> {
            }
        }
        if (readiness.ready()) {
            sender.send(exchange, 200, "text/plain", new ResponseBuffer(healthLine));
        } else {
            sender.send(exchange, 503, "text/plain", new ResponseBuffer(
                    "unavailable: the server cannot serve requests yet (no storage backend, or authentication not ready)\n".getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Refuses before reading anything of the request; its body, if any, is left unread and the connection closed. */
    private void refuse(HttpServerExchange exchange, String message) {
        exchange.setPersistent(false);
        sender.sendError(exchange, ApiRequestHandler.responseType(exchange), new DynamoException(ErrorType.ACCESS_DENIED, message));
    }
}
