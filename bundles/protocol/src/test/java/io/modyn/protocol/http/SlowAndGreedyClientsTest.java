package io.modyn.protocol.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.model.AttributeValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that hold on to the server: uploads that stall, clients with many requests open, bodies
 * that would not fit in memory. Raw sockets, since no HTTP client sends half a request on purpose.
 * The server has two worker threads, so anything that tied up a worker per stalled upload would
 * show at once.
 */
class SlowAndGreedyClientsTest {

    private static final int PER_CLIENT = 8;
    private static final long MAX_BODY = 64 * 1024;
    private static final long MEMORY = 4 * MAX_BODY;
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/eu-west-1/dynamodb/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0123456789abcdef";

    private HttpServer server;
    private FakeDynamoDbService engine;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void start() {
        RequestLimits limits = new RequestLimits(MAX_BODY, PER_CLIENT, MEMORY, Duration.ofSeconds(2), Duration.ofSeconds(4));
        engine = new FakeDynamoDbService();
        server = new HttpServer(new HttpServerSettings("127.0.0.1", 0, 1, 2, "eu-west-1", false, false, limits, BrowserAccess.LOOPBACK_ONLY),
                () -> engine, () -> null, () -> null);
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) socket.close();
        server.stop();
    }

    @Test
    void stalledUploadsHoldNoWorkerThreads() throws Exception {
        // Seven stalled uploads from other loopback addresses, more than the two workers.
        for (int i = 0; i < 7; i++) {
            stall(InetAddress.getByName("127.0.0." + (10 + i)), 1000, 10);
        }
        assertEquals(200, status(call(InetAddress.getByName("127.0.0.1"), "{}")));
    }

    @Test
    void aClientOverItsShareOfRequestsIsThrottledWhileOthersAreServed() throws Exception {
        InetAddress greedy = InetAddress.getByName("127.0.0.2");
        for (int i = 0; i < PER_CLIENT; i++) {
            stall(greedy, 100, 10);
        }
        String refused = call(greedy, "{}");
        assertEquals(400, status(refused), refused);
        assertTrue(refused.contains("ThrottlingException") && refused.contains("at most " + PER_CLIENT), refused);
        assertEquals(200, status(call(InetAddress.getByName("127.0.0.3"), "{}")));
    }

    @Test
    void requestsBeyondTheMemoryBudgetAreToldToRetry() throws Exception {
        // Four stalled bodies declaring 64 KB each hold the whole 256 KB budget.
        for (int i = 0; i < 4; i++) {
            stall(InetAddress.getByName("127.0.0." + (20 + i)), MAX_BODY, 10);
        }
        String refused = call(InetAddress.getByName("127.0.0.1"), "{}");
        assertEquals(503, status(refused), refused);
        assertTrue(refused.contains("ServiceUnavailableException"), refused);
    }

    @Test
    void aStalledUploadIsCutOffAndGivesBackWhatItHeld() throws Exception {
        InetAddress client = InetAddress.getByName("127.0.0.4");
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < PER_CLIENT; i++) {
            stalled.add(stall(client, MAX_BODY / 2, 10));
        }
        for (Socket socket : stalled) {
            socket.setSoTimeout(15_000);
            // The server closes the connection once the body has stalled for the idle timeout (2 s).
            assertEquals(-1, readToEnd(socket.getInputStream()).indexOf("HTTP/1.1 200"));
        }
        assertEquals(200, status(call(client, "{}")));
    }

    @Test
    void aBodyThatKeepsTricklingIsCutOffAtTheReadTimeout() throws Exception {
        Socket socket = stall(InetAddress.getByName("127.0.0.5"), 1000, 1);
        OutputStream out = socket.getOutputStream();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        boolean closed = false;
        try {
            // One byte a second never trips the idle timeout, but the whole body must arrive within 4 s.
            while (System.nanoTime() < deadline) {
                out.write(' ');
                out.flush();
                Thread.sleep(1000);
            }
        } catch (IOException e) {
            closed = true;
        }
        assertTrue(closed, "the server kept reading a body that trickled for 15 s");
    }

    @Test
    void clientsThatHangUpMidCallGiveBackTheirPlaces() throws Exception {
        // A 2 MB answer is still being written when the client resets the connection.
        engine.items.put(AttributeValue.s("big"), Map.of("id", AttributeValue.s("big"), "v", AttributeValue.s("x".repeat(2 << 20))));
        InetAddress client = InetAddress.getByName("127.0.0.6");
        String getBig = "{\"TableName\":\"t\",\"Key\":{\"id\":{\"S\":\"big\"}}}";
        for (int i = 0; i < 3 * PER_CLIENT; i++) {
            try (Socket socket = connect(client)) {
                socket.setSoLinger(true, 0); // close with a reset, as a crashed client would
                OutputStream out = socket.getOutputStream();
                out.write(headers(getBig.length()).replace("ListTables", "GetItem").getBytes(StandardCharsets.US_ASCII));
                out.write(getBig.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                socket.getInputStream().read(new byte[100]);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int status;
        do {
            status = status(call(client, "{}"));
        } while (status != 200 && System.nanoTime() < deadline);
        assertEquals(200, status, "the client's places were not given back");
    }

    /** Opens a connection from {@code from}, sends the headers of a request declaring {@code declared} bytes and {@code sent} of them. */
    private Socket stall(InetAddress from, long declared, int sent) throws IOException {
        Socket socket = connect(from);
        OutputStream out = socket.getOutputStream();
        out.write(headers(declared).getBytes(StandardCharsets.US_ASCII));
        out.write(" ".repeat(sent).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        sockets.add(socket);
        return socket;
    }

    private String call(InetAddress from, String body) throws IOException {
        try (Socket socket = connect(from)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write(headers(bytes.length).replace("keep-alive", "close").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            return readToEnd(socket.getInputStream());
        }
    }

    private Socket connect(InetAddress from) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(server.address(), 5000);
        return socket;
    }

    private static String headers(long contentLength) {
        return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\nContent-Type: application/x-amz-json-1.0\r\n"
                + "X-Amz-Target: DynamoDB_20120810.ListTables\r\nX-Amz-Date: 20240101T000000Z\r\nAuthorization: " + AUTHORIZATION + "\r\n"
                + "Content-Length: " + contentLength + "\r\n\r\n";
    }

    private static String readToEnd(InputStream in) throws IOException {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            return "(no answer within the socket timeout)";
        } catch (IOException e) {
            return "(connection reset)";
        }
    }

    private static int status(String response) {
        assertTrue(response.startsWith("HTTP/1.1 "), response);
        return Integer.parseInt(response.substring(9, 12));
    }
}
