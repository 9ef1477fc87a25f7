package io.modyn.protocol.http;

import io.modyn.api.auth.Principal;
import io.modyn.api.extension.ProtocolHandler;
import io.modyn.api.extension.ProtocolRequest;
import io.modyn.api.extension.ProtocolResponse;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.protocol.auth.CredentialScopes;
import io.modyn.protocol.auth.RequestAuthentication;
import io.modyn.protocol.extension.ProtocolHandlers;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Calls to other AWS APIs on this endpoint, served by a bound {@link ProtocolHandler}: which
 * handler a request is for, and running it on a worker thread once its body is read.
 *
 * <p>A request is authenticated exactly as a DynamoDB request is before its handler sees it; what
 * is refused on the way (signature, size, our own faults) is answered by the handler's
 * {@link ProtocolHandler#errorResponse} in its API's format, or DynamoDB's JSON envelope if it has
 * none. A handler that throws is our fault: a generic 500, the details in the log under the
 * request id, never to the client.
 */
final class ExtensionCalls {

    static final String FORM = "application/x-www-form-urlencoded";

    private static final Logger LOG = Logger.getLogger(ExtensionCalls.class.getName());
    private static final HttpString TARGET = new HttpString("X-Amz-Target");

    private final ProtocolHandlers handlers;
    private final RequestAuthentication authentication;
    private final ResponseSender sender;
    private final long maxRequestBytes;

    ExtensionCalls(ProtocolHandlers handlers, RequestAuthentication authentication, ResponseSender sender, long maxRequestBytes) {
        this.handlers = handlers;
        this.authentication = authentication;
        this.sender = sender;
        this.maxRequestBytes = maxRequestBytes;
    }

    /**
     * The handler this request is for, or null for DynamoDB's own handling: by {@code X-Amz-Target}
     * prefix when there is a target, else, for a form-encoded body, by its credential scope's service.
     */
    ProtocolHandler handlerFor(HttpServerExchange exchange, String mediaType) {
        HeaderMap headers = exchange.getRequestHeaders();
        String target = headers.getFirst(TARGET);
        if (target != null) {
            return handlers.forTarget(target);
        }
        if (!FORM.equals(mediaType)) {
            return null;
        }
        return handlers.forSigningService(CredentialScopes.service(headers.getFirst(Headers.AUTHORIZATION), exchange.getQueryString()));
    }

    /** Authenticates the call whose raw body (as sent, maybe compressed) is {@code raw}, runs its handler and answers. */
    void handle(HttpServerExchange exchange, byte[] raw, ProtocolHandler handler) {
        String requestId = exchange.getAttachment(RequestIds.KEY);
        try {
            // Null when no authenticator is bound: ApiCallIntake has already checked the client's address.
            Principal principal = authentication.authenticate(new ExchangeSignedRequest(exchange, raw));
            byte[] body = RequestBody.decode(raw, exchange.getRequestHeaders().getFirst(Headers.CONTENT_ENCODING), maxRequestBytes);
            ProtocolResponse response = handler.handle(new ProtocolRequest(exchange.getRequestMethod().toString(), path(exchange),
                    exchange.getQueryString(), headers(exchange), body, principal, requestId, exchange.getSourceAddress(),
                    "https".equals(exchange.getRequestScheme())));
            send(exchange, response);
        } catch (RequestBodyTooLargeException e) {
            refuse(exchange, handler, new DynamoException(ErrorType.REQUEST_ENTITY_TOO_LARGE, null), requestId);
        } catch (DynamoException e) {
            if (e.type() == ErrorType.INTERNAL_SERVER_ERROR) {
                LOG.log(Level.SEVERE, "Request " + requestId + " failed: " + e.getMessage(), e.getCause());
            }
            refuse(exchange, handler, e, requestId);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // LinkageError: the handler's bundle updated under a running request; the client still gets an answer.
            LOG.log(Level.SEVERE, "Request " + requestId + " failed in protocol handler " + handler.getClass().getName(), e);
            refuse(exchange, handler, DynamoException.internal("Internal server error", null), requestId);
        }
    }

    private void refuse(HttpServerExchange exchange, ProtocolHandler handler, DynamoException error, String requestId) {
        ProtocolResponse own = null;
        try {
            own = handler.errorResponse(error, requestId);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Request " + requestId + ": protocol handler " + handler.getClass().getName()
                    + " failed to write its error response", e);
            error = DynamoException.internal("Internal server error", null);
        }
        if (own != null) {
            send(exchange, own);
        } else {
            sender.sendError(exchange, ApiRequestHandler.responseType(exchange), error);
        }
    }

    private void send(HttpServerExchange exchange, ProtocolResponse response) {
        sender.send(exchange, response.status(), response.contentType(), new ResponseBuffer(response.body()));
    }

    private static String path(HttpServerExchange exchange) {
        String uri = exchange.getRequestURI();
        return uri.isEmpty() ? "/" : uri;
    }

    private static Map<String, List<String>> headers(HttpServerExchange exchange) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HeaderValues values : exchange.getRequestHeaders()) {
            headers.put(values.getHeaderName().toString(), List.copyOf(values));
        }
        return headers;
    }
}
