package io.modyn.protocol.http;

/**
 * How the HTTP server listens.
 *
 * @param bind the address to listen on (a host name or IP literal)
 * @param port the TCP port; 0 picks a free one
 * @param maxRequestBytes the largest request body accepted, before and after decompression
 * @param ioThreads non-blocking I/O threads; 0 sizes them for the machine
 * @param workerThreads threads that run operations; 0 sizes them for the machine
 * @param region the region named in the health line {@code GET /} answers
 * @param openAccess whether clients on other hosts are served while no authenticator is bound
 */
public record HttpServerSettings(String bind, int port, long maxRequestBytes, int ioThreads, int workerThreads, String region,
        boolean openAccess) {

    /** DynamoDB's limit on a request body. */
    public static final long DYNAMODB_MAX_REQUEST_BYTES = 16L * 1024 * 1024;

    public HttpServerSettings {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (maxRequestBytes <= 0) throw new IllegalArgumentException("maxRequestBytes must be positive: " + maxRequestBytes);
        if (ioThreads < 0 || workerThreads < 0) throw new IllegalArgumentException("thread counts must not be negative");
    }

    /** As many I/O threads as cores, at least two (Undertow's own rule). */
    int effectiveIoThreads() {
        return ioThreads > 0 ? ioThreads : Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    /** Eight workers per I/O thread: operations block on storage (fsync), so more than cores. */
    int effectiveWorkerThreads() {
        return workerThreads > 0 ? workerThreads : effectiveIoThreads() * 8;
    }
}
