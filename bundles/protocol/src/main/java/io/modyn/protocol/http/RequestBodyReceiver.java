package io.modyn.protocol.http;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.undertow.io.IoCallback;
import io.undertow.io.Receiver;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.server.protocol.http.HttpContinue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

/**
 * Reads a request body without a thread waiting for it: on the connection's I/O thread, chunk by
 * chunk as bytes arrive, and hands the whole body over only once it is complete. A client that
 * stalls mid-body therefore holds a connection and the bytes it sent, never a worker thread, and
 * a timer on the same I/O thread closes its connection once no byte came for the idle timeout or
 * the whole body took longer than the read timeout.
 *
 * <p>The body counts against the request's memory {@link RequestAdmission.Ticket} as it grows (a
 * declared {@code Content-Length} was reserved at admission) and against the size limit, for
 * chunked bodies too. Everything here runs on the one I/O thread of the connection, so the state
 * of a read needs no locking.
 */
final class RequestBodyReceiver {

    /** What to do with a complete body; called on the I/O thread. */
    interface BodyHandler {
        void handle(HttpServerExchange exchange, byte[] body);
    }

    /** Sends an error response for a body that could not be taken (too large, no memory left). */
    interface ErrorResponder {
        void refuse(HttpServerExchange exchange, DynamoException error);
    }

    private static final Logger LOG = Logger.getLogger(RequestBodyReceiver.class.getName());

    private final RequestLimits limits;
    private final ErrorResponder errors;

    RequestBodyReceiver(RequestLimits limits, ErrorResponder errors) {
        this.limits = limits;
        this.errors = errors;
    }

    /** Starts reading; {@code onBody} gets the body unless the read fails, times out or is refused. */
    void receive(HttpServerExchange exchange, RequestAdmission.Ticket ticket, BodyHandler onBody) {
        new BodyRead(exchange, ticket, onBody).start();
    }

    private final class BodyRead implements Receiver.PartialBytesCallback, Receiver.ErrorCallback, Runnable {

        private final HttpServerExchange exchange;
        private final RequestAdmission.Ticket ticket;
        private final BodyHandler onBody;
        private final long startNanos = System.nanoTime();
        /** The body's first chunk, while it is its only one. */
        private byte[] first;
        /** The chunks so far, once there are two. */
        private ByteArrayOutputStream body;
        private long lastProgressNanos = startNanos;
        private XnioExecutor.Key timer;
        private boolean done;

        BodyRead(HttpServerExchange exchange, RequestAdmission.Ticket ticket, BodyHandler onBody) {
            this.exchange = exchange;
            this.ticket = ticket;
            this.onBody = onBody;
        }

        void start() {
            if (HttpContinue.requiresContinueResponse(exchange)) {
                schedule(limits.bodyIdleTimeout().toNanos());
                // The client waits for this before it sends its body.
                HttpContinue.sendContinueResponse(exchange, new IoCallback() {
                    @Override
                    public void onComplete(HttpServerExchange continued, Sender sender) {
                        read();
                    }

                    @Override
                    public void onException(HttpServerExchange failed, Sender sender, IOException e) {
                        error(failed, e);
                    }
                });
            } else {
                read();
                // A body that came with its headers has been handled by now; only one still on its way needs the timer.
                if (!done) schedule(limits.bodyIdleTimeout().toNanos());
            }
        }

        private void read() {
            exchange.getRequestReceiver().receivePartialBytes(this, this);
        }

        @Override
        public void handle(HttpServerExchange exchange, byte[] chunk, boolean last) {
            if (done) return;
            lastProgressNanos = System.nanoTime();
            long size = received() + chunk.length;
            if (size > limits.maxRequestBytes()) {
                refuse(new DynamoException(ErrorType.REQUEST_ENTITY_TOO_LARGE, null));
                return;
            }
            if (size > ticket.reserved() && !ticket.reserve(size - ticket.reserved())) {
                refuse(RequestAdmission.busy());
                return;
            }
            if (chunk.length > 0) append(chunk);
            if (last) {
                finish();
                onBody.handle(exchange, body != null ? body.toByteArray() : first != null ? first : chunk);
            }
        }

        /**
         * Keeps a chunk. Undertow hands each chunk over in an array of its own, and most bodies come
         * in one (with an empty last one after it), so the first is kept as it is and handed over
         * without a copy; only a body in several chunks is gathered in a stream.
         */
        private void append(byte[] chunk) {
            if (body == null && first == null) {
                first = chunk;
                return;
            }
            if (body == null) {
                long declared = exchange.getRequestContentLength();
                body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 2 * (first.length + chunk.length));
                body.write(first, 0, first.length);
                first = null;
            }
            body.write(chunk, 0, chunk.length);
        }

        @Override
        public void error(HttpServerExchange exchange, IOException e) {
            if (done) return;
            if (e instanceof RequestTooBigException) {
                refuse(new DynamoException(ErrorType.REQUEST_ENTITY_TOO_LARGE, null));
                return;
            }
            LOG.log(Level.FINE, "Reading a request body failed; closing the connection", e);
            abandon();
        }

        /** The timer: closes the connection of a body that stalled or took too long, else looks again later. */
        @Override
        public void run() {
            timer = null;
            if (done) return;
            long now = System.nanoTime();
            long idleLeft = limits.bodyIdleTimeout().toNanos() - (now - lastProgressNanos);
            long totalLeft = limits.bodyReadTimeout().toNanos() - (now - startNanos);
            if (idleLeft <= 0 || totalLeft <= 0) {
                LOG.fine(() -> "Closing a connection from " + exchange.getSourceAddress() + ": its request body "
                        + (idleLeft <= 0 ? "stalled" : "took too long") + " after " + received() + " bytes");
                abandon();
            } else {
                schedule(Math.min(idleLeft, totalLeft));
            }
        }

        private long received() {
            return body != null ? body.size() : first != null ? first.length : 0;
        }

        private void schedule(long nanos) {
            timer = exchange.getIoThread().executeAfter(this, Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos)), TimeUnit.MILLISECONDS);
        }

        private void finish() {
            done = true;
            if (timer != null) {
                timer.remove();
                timer = null;
            }
        }

        /** Answers with an error and closes the connection after it: the rest of the body is not read. */
        private void refuse(DynamoException error) {
            finish();
            exchange.getRequestReceiver().pause();
            exchange.setPersistent(false);
            errors.refuse(exchange, error);
        }

        /** Nothing can be answered on this connection any more: close it and give back what the request held. */
        private void abandon() {
            finish();
            ticket.release();
            IoUtils.safeClose(exchange.getConnection());
        }
    }
}
