package io.modyn.protocol.http;

import io.modyn.protocol.tls.TlsFiles;

/**
 * How the HTTP server listens and whom it serves.
 *
 * @param bind the address to listen on (a host name or IP literal)
 * @param port the TCP port; 0 picks a free one
 * @param ioThreads non-blocking I/O threads; 0 sizes them for the machine
 * @param workerThreads threads that run operations; 0 sizes them for the machine
 * @param region the region named in the health line {@code GET /} answers
 * @param openAccess whether clients on other hosts are served while no authenticator is bound
 * @param authenticationRequired whether every API request must be authenticated: while no
 *        authenticator is bound, API requests are then told to retry (503) instead of being served open
 * @param limits what one request and one client may hold
 * @param browsers which web pages may call the server, and by which host names
 * @param tls the certificate and key to serve HTTPS with (and only HTTPS), or null for plain HTTP
 */
public record HttpServerSettings(String bind, int port, int ioThreads, int workerThreads, String region,
        boolean openAccess, boolean authenticationRequired, RequestLimits limits, BrowserAccess browsers, TlsFiles tls) {

    /** Plain HTTP. */
    public HttpServerSettings(String bind, int port, int ioThreads, int workerThreads, String region,
            boolean openAccess, boolean authenticationRequired, RequestLimits limits, BrowserAccess browsers) {
        this(bind, port, ioThreads, workerThreads, region, openAccess, authenticationRequired, limits, browsers, null);
    }

    public HttpServerSettings {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
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
