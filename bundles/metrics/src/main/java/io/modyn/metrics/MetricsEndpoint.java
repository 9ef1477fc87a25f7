package io.modyn.metrics;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's HTTP server on a port of its own, off the DynamoDB endpoint: scrapes never compete with
 * requests for the protocol's threads, and a firewall can treat the two apart. Two threads and a
 * short queue are plenty for scrapers that come every few seconds; beyond that the JDK server closes
 * the connection. Time limits as the admin endpoint sets them ({@code sun.net.httpserver.*}, read
 * once per JVM when its first server is made; a value the operator gave is kept), so a stalled
 * client lets go of its thread.
 */
final class MetricsEndpoint {

    private static final Map<String, String> TIME_LIMITS = Map.of(
            "sun.net.httpserver.maxReqTime", "10",
            "sun.net.httpserver.idleInterval", "30");

    private final HttpServer server;
    private final ThreadPoolExecutor executor;

    private MetricsEndpoint(HttpServer server, ThreadPoolExecutor executor) {
        this.server = server;
        this.executor = executor;
    }

    static MetricsEndpoint start(InetSocketAddress address, HttpHandler handler) throws IOException {
        TIME_LIMITS.forEach((property, seconds) -> {
            if (System.getProperty(property) == null) System.setProperty(property, seconds);
        });
        HttpServer server = HttpServer.create(address, 0);
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(8), task -> {
            Thread thread = new Thread(task, "modyn-metrics-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        return new MetricsEndpoint(server, executor);
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }
}
