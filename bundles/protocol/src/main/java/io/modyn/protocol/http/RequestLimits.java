package io.modyn.protocol.http;

import java.time.Duration;

/**
 * What one request, and one client, may hold of the server while its body is read and the call
 * runs: the bounds that keep a slow, greedy or hostile client from stalling the others or running
 * the heap out.
 *
 * @param maxRequestBytes the largest request body, on the wire and once decompressed (DynamoDB's 16 MB)
 * @param maxRequestsPerClient requests one client address may have in flight at once
 * @param requestMemoryBytes raw body bytes all requests in flight may hold together; beyond it new
 *        requests are told to retry (503) instead of pushing the server into an OutOfMemoryError
 * @param bodyIdleTimeout how long a body may stall without a byte arriving before the connection is closed
 * @param bodyReadTimeout how long reading one whole body may take
 */
public record RequestLimits(long maxRequestBytes, int maxRequestsPerClient, long requestMemoryBytes,
        Duration bodyIdleTimeout, Duration bodyReadTimeout) {

    /** DynamoDB's limit on a request body. */
    public static final long DYNAMODB_MAX_REQUEST_BYTES = 16L * 1024 * 1024;

    public RequestLimits {
        if (maxRequestBytes <= 0) throw new IllegalArgumentException("maxRequestBytes must be positive: " + maxRequestBytes);
        if (maxRequestsPerClient <= 0) throw new IllegalArgumentException("maxRequestsPerClient must be positive: " + maxRequestsPerClient);
        if (requestMemoryBytes < maxRequestBytes) {
            throw new IllegalArgumentException("requestMemoryBytes (" + requestMemoryBytes
                    + ") must hold at least one request of maxRequestBytes (" + maxRequestBytes + ")");
        }
        if (bodyIdleTimeout.isNegative() || bodyIdleTimeout.isZero() || bodyReadTimeout.isNegative() || bodyReadTimeout.isZero()) {
            throw new IllegalArgumentException("body timeouts must be positive");
        }
    }

    /**
     * The memory budget when none is configured: a quarter of the heap, since a request's body is
     * decoded into models a few times its size while it runs; never less than one full request.
     */
    public static long defaultRequestMemoryBytes(long maxRequestBytes) {
        return Math.max(maxRequestBytes, Runtime.getRuntime().maxMemory() / 4);
    }
}
