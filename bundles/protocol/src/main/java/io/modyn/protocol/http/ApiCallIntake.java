package io.modyn.protocol.http;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.protocol.auth.OpenAccessPolicy;
import io.modyn.protocol.auth.RequestAuthentication;
import io.undertow.server.HttpServerExchange;
import java.net.InetSocketAddress;

/**
 * Takes in an API call ({@code POST /}) on the I/O thread: everything that can be decided from the
 * headers is decided before a byte of the body is read (who may call, how large the body may be,
 * whether the client and the server have room for it), then the body is read without blocking and
 * the complete call is handed to a worker thread ({@link ApiRequestHandler}).
 *
 * <p>So a client the server will not serve never gets to make it read or hold anything, and a
 * slow client holds a connection, not a worker.
 */
final class ApiCallIntake {

    /** Bodies declared up to this many times the limit are drained after their 413, larger ones cut off. */
    static final long DRAINED_MULTIPLE = 4;

    private final OpenAccessPolicy openAccess;
    private final RequestAuthentication authentication;
    private final RequestLimits limits;
    private final RequestAdmission admission;
    private final RequestBodyReceiver receiver;
    private final ApiRequestHandler api;
    private final ResponseSender sender;

    ApiCallIntake(OpenAccessPolicy openAccess, RequestAuthentication authentication, RequestLimits limits,
                  ApiRequestHandler api, ResponseSender sender) {
        this.openAccess = openAccess;
        this.authentication = authentication;
        this.limits = limits;
        this.admission = new RequestAdmission(limits);
        this.api = api;
        this.sender = sender;
        this.receiver = new RequestBodyReceiver(limits, this::refuse);
    }

    void take(HttpServerExchange exchange) {
        RequestAdmission.Ticket ticket;
        try {
            InetSocketAddress client = exchange.getSourceAddress();
            // Served open (no authenticator, none required), any signature passes, so who may call is
            // decided by address alone; with authentication required but not ready, retry later.
            if (authentication.open()) openAccess.check(client);
            long declared = exchange.getRequestContentLength();
            if (declared > limits.maxRequestBytes()) {
                refuseOversize(exchange, declared);
                return;
            }
            ticket = admission.admit(client.getAddress(), declared);
        } catch (DynamoException e) {
            exchange.setPersistent(false); // its body is never read
            refuse(exchange, e);
            return;
        }
        RequestAdmission.Ticket admitted = ticket;
        exchange.addExchangeCompleteListener((completed, next) -> {
            admitted.release();
            next.proceed();
        });
        receiver.receive(exchange, ticket, (received, body) -> received.dispatch(() -> api.handle(received, body)));
    }

    /**
     * Answers DynamoDB's 413 for a body declared too large. A client that is still sending when
     * the server closes the connection may lose the answer to the reset that closing with unread
     * bytes causes, so a body up to four times the limit is read and discarded after the answer
     * (Undertow drains the rest of a request at the end of an exchange; nothing is buffered); a
     * larger one is not worth that and the connection is closed at once.
     */
    private void refuseOversize(HttpServerExchange exchange, long declared) {
        if (declared > DRAINED_MULTIPLE * limits.maxRequestBytes()) exchange.setPersistent(false);
        refuse(exchange, new DynamoException(ErrorType.REQUEST_ENTITY_TOO_LARGE, null));
    }

    private void refuse(HttpServerExchange exchange, DynamoException error) {
        sender.sendError(exchange, ApiRequestHandler.responseType(exchange), error);
    }
}
