package io.modyn.protocol.http;

import io.modyn.api.auth.Principal;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.extension.ProtocolHandler;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.protocol.auth.RequestAuthentication;
import io.modyn.protocol.json.JsonCodec;
import io.modyn.protocol.json.Utf8JsonGenerator;
import io.modyn.protocol.operation.Operation;
import io.modyn.protocol.operation.Route;
import io.modyn.protocol.operation.Router;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers one API call ({@code POST /}) on a worker thread, once {@link ApiCallIntake} has read its
 * whole body, in the order DynamoDB checks things: content type, JSON syntax, target operation,
 * signature, request shape, then the operation itself. Whatever fails becomes DynamoDB's error
 * envelope; only our own faults are 5xx, and those are logged with the request id and never shown
 * to the client beyond a generic message. Calls to another AWS API that a bound handler serves
 * (another target prefix, or a Query-protocol form body) go to {@link ExtensionCalls} instead.
 */
final class ApiRequestHandler {

    static final String AMZ_JSON = "application/x-amz-json-1.0";
    static final String JSON = "application/json";

    private static final Logger LOG = Logger.getLogger(ApiRequestHandler.class.getName());
    private static final HttpString TARGET = new HttpString("X-Amz-Target");

    private final JsonCodec codec;
    private final ResponseSender sender;
    private final RequestAuthentication authentication;
    private final Router router;
    private final long maxRequestBytes;
    private final ExtensionCalls extensions;

    ApiRequestHandler(JsonCodec codec, ResponseSender sender, RequestAuthentication authentication, Router router,
                      long maxRequestBytes, ExtensionCalls extensions) {
        this.codec = codec;
        this.sender = sender;
        this.authentication = authentication;
        this.router = router;
        this.maxRequestBytes = maxRequestBytes;
        this.extensions = extensions;
    }

    /** Runs the call whose raw body (as sent, maybe compressed) is {@code raw}, and answers it. */
    void handle(HttpServerExchange exchange, byte[] raw) {
        String requestId = exchange.getAttachment(RequestIds.KEY);
        HeaderMap headers = exchange.getRequestHeaders();
        String mediaType = mediaType(headers.getFirst(Headers.CONTENT_TYPE));
        String responseType = AMZ_JSON.equals(mediaType) ? AMZ_JSON : JSON;
        ProtocolHandler extension = extensions.handlerFor(exchange, mediaType);
        if (extension != null) {
            extensions.handle(exchange, raw, extension);
            return;
        }
        try {
            if (raw.length > 0 && !AMZ_JSON.equals(mediaType) && !JSON.equals(mediaType)) {
                sender.sendUnknownOperationPage(exchange);
                return;
            }
            byte[] json = RequestBody.decode(raw, headers.getFirst(Headers.CONTENT_ENCODING), maxRequestBytes);
            sender.send(exchange, 200, responseType, execute(exchange, requestId, raw, json));
        } catch (RequestBodyTooLargeException e) {
            sender.sendError(exchange, responseType, new DynamoException(ErrorType.REQUEST_ENTITY_TOO_LARGE, null));
        } catch (DynamoException e) {
            if (e.type() == ErrorType.INTERNAL_SERVER_ERROR) {
                LOG.log(Level.SEVERE, "Request " + requestId + " failed: " + e.getMessage(), e.getCause());
            }
            sender.sendError(exchange, responseType, e);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // LinkageError: a bundle updated under a running request; the client must still get an answer.
            LOG.log(Level.SEVERE, "Request " + requestId + " failed", e);
            sender.sendError(exchange, responseType, DynamoException.internal("Internal server error", null));
        }
    }

    /** The content type errors are answered in: the request's own if it is DynamoDB's, else plain JSON. */
    static String responseType(HttpServerExchange exchange) {
        return AMZ_JSON.equals(mediaType(exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE))) ? AMZ_JSON : JSON;
    }

    private ResponseBuffer execute(HttpServerExchange exchange, String requestId, byte[] raw, byte[] json) {
        Route<?> route = router.forTarget(exchange.getRequestHeaders().getFirst(TARGET));
        if (route == null) {
            throw syntaxErrorFirst(json, new DynamoException(ErrorType.UNKNOWN_OPERATION, null));
        }
        Principal principal;
        try {
            // Null when no authenticator is bound: ApiCallIntake has already checked the client's address.
            principal = authentication.authenticate(new ExchangeSignedRequest(exchange, raw));
        } catch (DynamoException e) {
            throw syntaxErrorFirst(json, e);
        }
        if (json.length == 0) {
            throw DynamoException.serialization(null);
        }
        Route.ReadCall call = route.read(codec.input(json));
        Operation.Result result = call.execute(new RequestContext(requestId, principal,
                exchange.getSourceAddress() == null ? null : exchange.getSourceAddress().getAddress().getHostAddress(),
                "https".equals(exchange.getRequestScheme()), exchange.getRequestHeaders().getFirst("User-Agent"),
                exchange.getRequestHeaders().getFirst(Headers.HOST)));
        if (result == Operation.Result.NO_BODY) return new ResponseBuffer();
        Utf8JsonGenerator out = new Utf8JsonGenerator();
        result.writeTo(out);
        return ResponseBuffer.of(out);
    }

    /** DynamoDB reports malformed JSON before an unknown target or a bad signature. */
    private DynamoException syntaxErrorFirst(byte[] json, DynamoException error) {
        return json.length > 0 && !codec.isWellFormed(json) ? DynamoException.serialization(null) : error;
    }

    /** The media type of a Content-Type header, without parameters, in lower case; "" if absent. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }
}
