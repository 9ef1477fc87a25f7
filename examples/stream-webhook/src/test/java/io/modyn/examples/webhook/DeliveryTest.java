package io.modyn.examples.webhook;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deliveries to a real HTTP server on loopback that answers with the statuses a test sets. */
class DeliveryTest {

    private HttpServer receiver;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<Integer> statuses = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int call = calls.getAndIncrement();
            int status = call < statuses.size() ? statuses.get(call) : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private Delivery delivery(int attempts) {
        URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        return new Delivery(url, attempts, 1, Duration.ofSeconds(5));
    }

    @Test
    void aChangeAcceptedFirstTimeIsPostedOnce() throws InterruptedException {
        Delivery.Outcome outcome = delivery(3).post("{\"a\":1}");
        assertAll(() -> assertTrue(outcome.delivered()), () -> assertEquals(1, outcome.attempts()),
                () -> assertEquals(List.of("{\"a\":1}"), bodies));
    }

    @Test
    void serverErrorsAndThrottlingAreRetriedUntilAccepted() throws InterruptedException {
        statuses.addAll(List.of(500, 429, 503));
        Delivery.Outcome outcome = delivery(5).post("{}");
        assertAll(() -> assertTrue(outcome.delivered()), () -> assertEquals(4, outcome.attempts()), () -> assertEquals(4, calls.get()));
    }

    @Test
    void aRefusedChangeIsNotRetried() throws InterruptedException {
        statuses.add(400);
        Delivery.Outcome outcome = delivery(5).post("{}");
        assertAll(() -> assertFalse(outcome.delivered()), () -> assertEquals(1, outcome.attempts()),
                () -> assertEquals("HTTP status 400", outcome.lastProblem()));
    }

    @Test
    void attemptsRunOutAgainstAFailingReceiver() throws InterruptedException {
        statuses.addAll(List.of(500, 500, 500));
        Delivery.Outcome outcome = delivery(3).post("{}");
        assertAll(() -> assertFalse(outcome.delivered()), () -> assertEquals(3, outcome.attempts()), () -> assertEquals(3, calls.get()),
                () -> assertEquals("HTTP status 500", outcome.lastProblem()));
    }

    @Test
    void aReceiverThatIsNotListeningFailsEachAttempt() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Delivery nowhere = new Delivery(URI.create("http://127.0.0.1:" + closedPort + "/hook"), 2, 1, Duration.ofSeconds(2));
        Delivery.Outcome outcome = nowhere.post("{}");
        assertAll(() -> assertFalse(outcome.delivered()), () -> assertEquals(2, outcome.attempts()),
                () -> assertTrue(outcome.lastProblem().startsWith("ConnectException"), outcome.lastProblem()));
    }
}
