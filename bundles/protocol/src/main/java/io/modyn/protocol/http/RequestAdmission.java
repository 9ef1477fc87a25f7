package io.modyn.protocol.http;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides, before a byte of its body is read, whether a request may start, and holds what it was
 * given until it ends: one of its client's {@code maxRequestsPerClient} places, and the body bytes
 * it holds out of the shared memory budget.
 *
 * <p>Both refusals are retryable errors, so an SDK backs off and retries: ThrottlingException for
 * a client over its own bound (its other requests are still running), ServiceUnavailable when the
 * requests in flight hold the whole memory budget. Refusing early is what keeps the server alive:
 * a heap exhausted by request bodies ends in an OutOfMemoryError, not in an error a client can act on.
 */
final class RequestAdmission {

    private final int maxRequestsPerClient;
    private final AtomicLong memoryLeft;
    private final ConcurrentHashMap<InetAddress, Integer> inFlight = new ConcurrentHashMap<>();

    RequestAdmission(RequestLimits limits) {
        this.maxRequestsPerClient = limits.maxRequestsPerClient();
        this.memoryLeft = new AtomicLong(limits.requestMemoryBytes());
    }

    /**
     * Admits a request from {@code client} whose body declares {@code declaredBytes} (-1 if it
     * declares none), reserving them.
     *
     * @throws DynamoException ThrottlingException or ServiceUnavailableException
     */
    Ticket admit(InetAddress client, long declaredBytes) {
        int[] count = new int[1];
        inFlight.compute(client, (address, current) -> {
            int now = current == null ? 0 : current;
            count[0] = now;
            return now >= maxRequestsPerClient ? current : Integer.valueOf(now + 1);
        });
        if (count[0] >= maxRequestsPerClient) {
            throw new DynamoException(ErrorType.THROTTLING, "Too many requests in flight from " + client.getHostAddress()
                    + " (at most " + maxRequestsPerClient + " at once); retry when one has completed");
        }
        Ticket ticket = new Ticket(client);
        if (declaredBytes > 0 && !ticket.reserve(declaredBytes)) {
            ticket.release();
            throw busy();
        }
        return ticket;
    }

    /** The error for a request that would take more memory than is left. */
    static DynamoException busy() {
        return DynamoException.unavailable("The server is busy: the requests in flight hold its memory for request bodies; "
                + "retry the request");
    }

    /** One admitted request's place and memory, given back once by {@link #release()}. */
    final class Ticket {

        private final InetAddress client;
        private final AtomicBoolean released = new AtomicBoolean();
        private final AtomicLong reserved = new AtomicLong();

        private Ticket(InetAddress client) {
            this.client = client;
        }

        /** Takes {@code bytes} more of the memory budget; false, taking nothing, if that much is not left. */
        boolean reserve(long bytes) {
            while (true) {
                long left = memoryLeft.get();
                if (left < bytes) return false;
                if (memoryLeft.compareAndSet(left, left - bytes)) {
                    reserved.addAndGet(bytes);
                    return true;
                }
            }
        }

        long reserved() {
            return reserved.get();
        }

        /** Gives back the place and the memory; later calls do nothing. */
        void release() {
            if (!released.compareAndSet(false, true)) return;
            memoryLeft.addAndGet(reserved.getAndSet(0));
            inFlight.computeIfPresent(client, (address, current) -> current <= 1 ? null : current - 1);
        }
    }
}
