package io.modyn.admin;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK's HTTP server serving {@link AdminHttpHandler} on one thread: operator commands run one
 * at a time, in the order they arrive, so two commands never race on the same bundle.
 */
final class AdminEndpoint {

    static final String CONTEXT_PATH = "/bundles";

    private final HttpServer server;
    private final ExecutorService executor;

    private AdminEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static AdminEndpoint start(InetSocketAddress address, HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "modyn-admin");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext(CONTEXT_PATH, handler);
        server.start();
        return new AdminEndpoint(server, executor);
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    void stop() {
        server.stop(0);
        executor.shutdown();
    }
}
