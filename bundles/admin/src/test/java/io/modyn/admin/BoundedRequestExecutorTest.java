package io.modyn.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The endpoint's bound: with one worker and room for one waiting request, a third request while
 * the worker is held is answered 503 at once, and the held and waiting ones are served afterwards.
 */
class BoundedRequestExecutorTest {

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    /** Own threads: the common pool may have a single one on a small machine. */
    private final ExecutorService clients = Executors.newCachedThreadPool();
    private AdminEndpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        endpoint = AdminEndpoint.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                this::holdFirstRequest, new BoundedRequestExecutor.Limits(1, 1));
    }

    @AfterEach
    void stop() {
        release.countDown();
        endpoint.stop();
        clients.shutdownNow();
    }

    @Test
    void requestsBeyondWorkersAndQueueAreAnswered503() throws Exception {
        CompletableFuture<RawHttp.Response> held = CompletableFuture.supplyAsync(this::get, clients);
        assertTrue(entered.await(30, TimeUnit.SECONDS), "first request never reached the handler");
        CompletableFuture<RawHttp.Response> waiting = CompletableFuture.supplyAsync(this::get, clients);
        awaitQueued();

        RawHttp.Response overflow = get();
        assertEquals(503, overflow.status());
        assertEquals("1", overflow.header("Retry-After"));

        release.countDown();
        assertEquals(200, held.get(30, TimeUnit.SECONDS).status());
        assertEquals(200, waiting.get(30, TimeUnit.SECONDS).status());
    }

    private void holdFirstRequest(HttpExchange exchange) throws IOException {
        try (exchange) {
            entered.countDown();
            release.await(30, TimeUnit.SECONDS);
            exchange.sendResponseHeaders(200, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitQueued() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (endpoint.queued() < 1) {
            assertTrue(Instant.now().isBefore(deadline), "second request never queued");
            Thread.sleep(10);
        }
    }

    private RawHttp.Response get() {
        try {
            return RawHttp.exchange(endpoint.address().getPort(), "GET /bundles HTTP/1.1\r\nHost: 127.0.0.1", "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
