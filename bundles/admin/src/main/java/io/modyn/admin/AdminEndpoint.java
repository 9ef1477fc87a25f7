package io.modyn.admin;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The JDK's HTTP server serving {@link AdminHttpHandler} on a {@link BoundedRequestExecutor}:
 * several requests at a time, a bounded number waiting, 503 beyond that, and
 * {@link HttpServerTimeouts} so a stalled client lets go of its thread. Commands that change
 * bundles are serialised by the handler, not here, so a listing never waits behind one.
 */
final class AdminEndpoint {

    static final String CONTEXT_PATH = "/bundles";

    private final HttpServer server;
    private final BoundedRequestExecutor executor;

    private AdminEndpoint(HttpServer server, BoundedRequestExecutor executor) {
        this.server = server;
        this.executor = executor;
    }

    static AdminEndpoint start(InetSocketAddress address, HttpHandler handler) throws IOException {
        return start(address, handler, BoundedRequestExecutor.Limits.DEFAULT);
    }

    static AdminEndpoint start(InetSocketAddress address, HttpHandler handler, BoundedRequestExecutor.Limits limits)
            throws IOException {
        HttpServerTimeouts.apply();
        HttpServer server = HttpServer.create(address, 0);
        BoundedRequestExecutor executor = new BoundedRequestExecutor(limits);
        server.setExecutor(executor);
        HttpContext context = server.createContext(CONTEXT_PATH, handler);
        context.getFilters().add(new OverflowFilter());
        server.start();
        return new AdminEndpoint(server, executor);
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    /** Requests waiting for a worker thread (for tests). */
    int queued() {
        return executor.queued();
    }

    void stop() {
        server.stop(0);
        executor.shutdown();
    }

    /** Answers 503 to exchanges that only got the overflow thread. */
    private static final class OverflowFilter extends Filter {

        private static final byte[] BUSY = "error: The admin endpoint is busy; try again\n"
                .getBytes(StandardCharsets.UTF_8);

        @Override
        public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
            if (!BoundedRequestExecutor.isOverflow()) {
                chain.doFilter(exchange);
                return;
            }
            try (exchange) {
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.getResponseHeaders().set("Retry-After", "1");
                exchange.sendResponseHeaders(AdminException.SERVICE_UNAVAILABLE, BUSY.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(BUSY);
                }
            }
        }

        @Override
        public String description() {
            return "Answers 503 when every admin worker is busy";
        }
    }
}
