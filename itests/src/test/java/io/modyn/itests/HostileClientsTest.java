package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.TestTables;
import io.modyn.itests.support.WireClient;
import io.modyn.itests.support.WireResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The DynamoDB endpoint under attack by what runs on the same machine: web pages in a browser
 * (cross-site requests, DNS rebinding), clients that stall or hog, bodies at and over DynamoDB's
 * 16 MB limit. Raw HTTP and sockets where the SDK would never send the bytes. This class runs its
 * own server, started with {@code --cors-origins https://app.example --hostname modyn.test}.
 */
class HostileClientsTest {

    private static final String LISTED_ORIGIN = "https://app.example";
    private static final String LISTED_HOST = "modyn.test";

    private static ModynServer server;
    private static DynamoDbClient dynamo;
    private static WireClient wire;
    private static String table;

    @BeforeAll
    static void startServer() {
        server = ModynServer.startWithOptions("hostile", List.of("--cors-origins", LISTED_ORIGIN, "--hostname", LISTED_HOST));
        dynamo = DynamoDbClients.create(server);
        wire = new WireClient(server);
        table = TestTables.createHashTable(dynamo, "hostile", ScalarAttributeType.S);
        dynamo.putItem(put -> put.tableName(table).item(Map.of("pk", s("secret"), "v", s("the secret value"))));
    }

    @AfterAll
    static void stopServer() {
        if (dynamo != null) dynamo.close();
        if (server != null) server.close();
    }

    @Test
    void aPageOnAnotherSiteCannotReadTheDatabase() {
        WireResponse scan = wire.post("Scan").body("{\"TableName\":\"" + table + "\"}").header("Origin", "http://evil.example").send();

        assertEquals(400, scan.status(), scan::toString);
        assertEquals("com.amazon.coral.service#AccessDeniedException", scan.errorType());
        assertFalse(scan.text().contains("the secret value"), scan::toString);
        assertFalse(scan.header("Access-Control-Allow-Origin").isPresent(), "the page may not even read the refusal");
    }

    @Test
    void aPageOnAnotherSiteCannotWriteWithARequestThatNeedsNoPreflight() {
        // A form or fetch with a "simple" content type reaches the server without a preflight.
        for (String contentType : new String[] {"text/plain", "application/x-www-form-urlencoded", "application/x-amz-json-1.0"}) {
            WireResponse put = wire.post("PutItem").header("Content-Type", contentType).header("Origin", "http://evil.example")
                    .body("{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"planted\"}}}").send();
            assertEquals(400, put.status(), put::toString);
        }
        assertFalse(dynamo.getItem(get -> get.tableName(table).key(Map.of("pk", s("planted")))).hasItem());
    }

    @Test
    void aPreflightFromAnotherSiteIsNotAllowed() {
        WireResponse preflight = wire.request("OPTIONS").withoutHeader("Content-Type").unsigned()
                .header("Origin", "http://evil.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, x-amz-target, authorization").send();

        assertFalse(preflight.header("Access-Control-Allow-Origin").isPresent(), preflight::toString);
        assertFalse(preflight.header("Access-Control-Allow-Headers").isPresent(), preflight::toString);
    }

    @Test
    void aListedOriginMayCallAndReadTheAnswer() {
        WireResponse get = wire.post("GetItem").header("Origin", LISTED_ORIGIN)
                .body("{\"TableName\":\"" + table + "\",\"Key\":{\"pk\":{\"S\":\"secret\"}}}").send();

        assertEquals(200, get.status(), get::toString);
        assertEquals(LISTED_ORIGIN, get.header("Access-Control-Allow-Origin").orElse(null));
    }

    @Test
    void aRequestForAnotherHostNameIsRefused() throws IOException {
        // DNS rebinding: evil.example now resolves to 127.0.0.1, so the page's requests are
        // same-origin to the browser, but they still name evil.example in Host.
        String getSecret = "{\"TableName\":\"" + table + "\",\"Key\":{\"pk\":{\"S\":\"secret\"}}}";
        String refused = rawCall(InetAddress.getLoopbackAddress(), "evil.example:" + server.port(), "GetItem", getSecret);
        assertTrue(refused.startsWith("HTTP/1.1 400"), refused);
        assertTrue(refused.contains("AccessDeniedException"), refused);
        assertFalse(refused.contains("the secret value"), refused);

        assertTrue(rawCall(InetAddress.getLoopbackAddress(), LISTED_HOST + ":" + server.port(), "GetItem", getSecret)
                .startsWith("HTTP/1.1 200"));
        assertTrue(rawCall(InetAddress.getLoopbackAddress(), "localhost:" + server.port(), "GetItem", getSecret)
                .startsWith("HTTP/1.1 200"));
    }

    @Test
    void anOversizedRequestLineOrHeaderIsAClientErrorNotServed() throws IOException {
        String listTables = "{}";
        String head = requestHead("127.0.0.1:" + server.port(), "ListTables", listTables.length(), "close");

        String longUrl = rawExchange(head.replaceFirst("POST / ", "POST /" + "x".repeat(17_000) + " ") + listTables);
        String longHeader = rawExchange(head.replaceFirst("\r\n\r\n$", "\r\nX-Padding: " + "y".repeat(20_000) + "\r\n\r\n") + listTables);

        assertTrue(longUrl.startsWith("HTTP/1.1 400"), longUrl);
        assertTrue(longHeader.startsWith("HTTP/1.1 400"), longHeader);
        assertTrue(rawExchange(head + listTables).startsWith("HTTP/1.1 200"));
    }

    @Test
    void fiveHundredStalledUploadsDoNotHoldUpOtherClients() throws Exception {
        try (DynamoDbClient impatient = DynamoDbClients.builder(server)
                .overrideConfiguration(configuration -> configuration.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(5)))
                .build()) {
            long[] before = timeGets(impatient, 200);
            List<Socket> stalled = new ArrayList<>();
            try {
                // Four uploads from each of 125 loopback addresses, each stalled after 10 bytes of 1,000.
                for (int i = 0; i < 500; i++) {
                    stalled.add(stall(InetAddress.getByName("127.0." + (1 + i / 250) + "." + (1 + (i / 4) % 250))));
                }
                // Every call must complete, without retries, well within its 5 s; before the
                // server read bodies without blocking, 16 stalled uploads made every call time out.
                long[] during = timeGets(impatient, 200);
                System.out.printf("[itests] GetItem latency p50/p99 before %.2f/%.2f ms, with 500 stalled uploads %.2f/%.2f ms%n",
                        percentile(before, 50), percentile(before, 99), percentile(during, 50), percentile(during, 99));
            } finally {
                for (Socket socket : stalled) socket.close();
            }
        }
    }

    @Test
    void requestsOverTwoMegabytesUpToDynamoDbsLimitAreServed() {
        String value = "x".repeat(100 * 1024);
        List<WriteRequest> batch = IntStream.range(0, 25)
                .mapToObj(i -> WriteRequest.builder().putRequest(PutRequest.builder()
                        .item(Map.of("pk", s("batch-" + i), "v", s(value))).build()).build())
                .toList();
        assertTrue(dynamo.batchWriteItem(write -> write.requestItems(Map.of(table, batch))).unprocessedItems().isEmpty());

        List<TransactWriteItem> transaction = IntStream.range(0, 30)
                .mapToObj(i -> TransactWriteItem.builder().put(put -> put.tableName(table)
                        .item(Map.of("pk", s("transaction-" + i), "v", s(value)))).build())
                .toList();
        dynamo.transactWriteItems(write -> write.transactItems(transaction));

        Map<String, AttributeValue> last = dynamo.getItem(get -> get.tableName(table).key(Map.of("pk", s("transaction-29")))).item();
        assertEquals(value, last.get("v").s());
        assertEquals(value, dynamo.getItem(get -> get.tableName(table).key(Map.of("pk", s("batch-24")))).item().get("v").s());
    }

    @Test
    void bodiesOverSixteenMegabytesGetDynamoDbsError() {
        String oversize = "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"huge\"},\"v\":{\"S\":\""
                + "y".repeat(16 * 1024 * 1024) + "\"}}}";

        WireResponse plain = wire.post("PutItem").body(oversize).send();
        assertEquals(413, plain.status(), plain::toString);
        assertEquals("com.amazon.coral.service#RequestEntityTooLarge", plain.errorType());

        // Small on the wire, over the limit once decompressed.
        WireResponse compressed = wire.post("PutItem").body(oversize).gzipBody().send();
        assertEquals(413, compressed.status(), compressed::toString);
        assertEquals("com.amazon.coral.service#RequestEntityTooLarge", compressed.errorType());

        assertFalse(dynamo.getItem(get -> get.tableName(table).key(Map.of("pk", s("huge")))).hasItem());
    }

    /** A connection from {@code from} that sent its headers and 10 of 1,000 body bytes, then nothing. */
    private static Socket stall(InetAddress from) throws IOException {
        Socket socket = connect(from);
        OutputStream out = socket.getOutputStream();
        out.write(requestHead("127.0.0.1:" + server.port(), "PutItem", 1000, "keep-alive").getBytes(StandardCharsets.US_ASCII));
        out.write("{\"TableNam".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static String rawCall(InetAddress from, String host, String operation, String body) throws IOException {
        try (Socket socket = connect(from)) {
            socket.setSoTimeout(10_000);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(requestHead(host, operation, bytes.length, "close").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    private static String rawExchange(String request) throws IOException {
        try (Socket socket = connect(InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /** The head of a request signed in form (open mode checks the signature's shape, not its value). */
    private static String requestHead(String host, String operation, long contentLength, String connection) {
        return "POST / HTTP/1.1\r\nHost: " + host + "\r\nConnection: " + connection + "\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\nX-Amz-Target: DynamoDB_20120810." + operation + "\r\n"
                + "X-Amz-Date: 20260101T000000Z\r\n"
                + "Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/" + server.region() + "/dynamodb/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0123456789abcdef\r\n"
                + "Content-Length: " + contentLength + "\r\n\r\n";
    }

    private static Socket connect(InetAddress from) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 5000);
        return socket;
    }

    /** Latencies in nanoseconds of {@code count} GetItem calls, sorted. */
    private static long[] timeGets(DynamoDbClient client, int count) {
        long[] latencies = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            assertTrue(client.getItem(get -> get.tableName(table).key(Map.of("pk", s("secret")))).hasItem());
            latencies[i] = System.nanoTime() - start;
        }
        Arrays.sort(latencies);
        return latencies;
    }

    private static double percentile(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
    }
}
