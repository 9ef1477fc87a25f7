package io.modyn.protocol.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.nio.charset.StandardCharsets;

/**
 * The first handler of every request, on an Undertow I/O thread, which must never block: it
 * stamps the request id and CORS headers, answers the cheap requests itself (CORS preflight, the
 * {@code GET /} health line, the 404 for other methods) and hands API calls to a worker thread
 * before their body is read (reading first would fail with UT000146).
 */
final class RootHandler implements HttpHandler {

    private final HttpHandler apiHandler;
    private final ResponseSender sender;
    private final FirstRequestLog firstRequestLog;
    private final byte[] healthLine;

    RootHandler(HttpHandler apiHandler, ResponseSender sender, FirstRequestLog firstRequestLog, String region) {
        this.apiHandler = apiHandler;
        this.sender = sender;
        this.firstRequestLog = firstRequestLog;
        // DynamoDB's own answer, trailing space included; health checks match it verbatim.
        this.healthLine = ("healthy: dynamodb." + region + ".amazonaws.com ").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        String requestId = RequestIds.next();
        exchange.putAttachment(RequestIds.KEY, requestId);
        exchange.getResponseHeaders().put(RequestIds.HEADER, requestId);
        firstRequestLog.watch(exchange);
        boolean crossOrigin = Cors.applyOrigin(exchange);
        HttpString method = exchange.getRequestMethod();
        if (method.equals(Methods.POST)) {
            exchange.dispatch(apiHandler);
        } else if (method.equals(Methods.OPTIONS) && crossOrigin) {
            Cors.answerPreflight(exchange);
        } else if (method.equals(Methods.GET) || method.equals(Methods.HEAD)) {
            sender.send(exchange, 200, "text/plain", new ResponseBuffer(healthLine));
        } else {
            sender.sendUnknownOperationPage(exchange);
        }
    }
}
