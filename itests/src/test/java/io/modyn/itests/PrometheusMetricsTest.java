package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.TestTables.PK;
import static io.modyn.itests.support.TestTables.definition;
import static io.modyn.itests.support.TestTables.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.FreePorts;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.PrometheusText;
import io.modyn.itests.support.StorageBackend;
import io.modyn.itests.support.TestTables;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * {@code bin/modyn --metrics-port}: known operations through the AWS SDK, then a scrape of
 * {@code /metrics} parsed as a Prometheus server parses it, whose figures must be those of the
 * operations, under DynamoDB's CloudWatch names and dimensions; and the endpoint refuses what a web
 * page could send. Its own server, so that no other test's requests are counted.
 */
class PrometheusMetricsTest {

    private static final String INDEX = "byColor";

    private static ModynServer server;
    private static int metricsPort;
    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void startServer() {
        metricsPort = FreePorts.allocate(1)[0];
        server = ModynServer.startWithOptions("metrics", List.of("--metrics-port", Integer.toString(metricsPort)));
        dynamo = DynamoDbClients.withoutRetries(server);
        table = TestTables.uniqueName("metrics");
        dynamo.createTable(create -> create.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition(PK, ScalarAttributeType.S), definition("color", ScalarAttributeType.S))
                .keySchema(key(PK, KeyType.HASH))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(INDEX).keySchema(key("color", KeyType.HASH))
                        .projection(projection -> projection.projectionType(ProjectionType.ALL)).build()));
        TestTables.awaitActive(dynamo, table);
    }

    @AfterAll
    static void stopServer() {
        if (dynamo != null) dynamo.close();
        if (server != null) server.close();
    }

    @Test
    void figuresMatchTheOperationsPerformed() throws Exception {
        for (String id : List.of("a", "b", "c")) {
            dynamo.putItem(put -> put.tableName(table).item(Map.of(PK, s(id), "color", s("red"))));
        }
        dynamo.getItem(get -> get.tableName(table).key(Map.of(PK, s("a"))));
        dynamo.getItem(get -> get.tableName(table).key(Map.of(PK, s("missing"))));
        dynamo.scan(scan -> scan.tableName(table));
        dynamo.query(query -> query.tableName(table).indexName(INDEX).keyConditionExpression("color = :c")
                .expressionAttributeValues(Map.of(":c", s("red"))));

        PrometheusText metrics = scrape();
        assertEquals("histogram", metrics.type("dynamodb_SuccessfulRequestLatency_seconds"));
        assertEquals(3.0, latency(metrics, "PutItem", "count"));
        assertEquals(2.0, latency(metrics, "GetItem", "count"));
        assertEquals(1.0, latency(metrics, "Scan", "count"));
        assertEquals(1.0, latency(metrics, "Query", "count"));
        assertTrue(latency(metrics, "PutItem", "sum") > 0);
        assertEquals(3.0, metrics.value("dynamodb_SuccessfulRequestLatency_seconds_bucket",
                "TableName", table, "Operation", "PutItem", "le", "+Inf"));

        // Each small item costs one write unit in the table and one in the index it appears in; each
        // eventually consistent read half a unit (a Scan or Query of under 4 KB: one read).
        assertEquals(3.0, capacity(metrics, "Write", ""));
        assertEquals(3.0, capacity(metrics, "Write", INDEX));
        assertEquals(1.5, capacity(metrics, "Read", ""));
        assertEquals(0.5, capacity(metrics, "Read", INDEX));

        assertEquals(3.0, metrics.value("dynamodb_ReturnedItemCount_total", "TableName", table, "Operation", "Scan"));
        assertEquals(3.0, metrics.value("dynamodb_ReturnedItemCount_total", "TableName", table, "Operation", "Query"));
        assertEquals(0.0, metrics.value("dynamodb_UserErrors_total"));
        assertEquals(0.0, metrics.value("dynamodb_ConditionalCheckFailedRequests_total", "TableName", table));
        assertEquals(0.0, metrics.value("dynamodb_SystemErrors_total", "TableName", table, "Operation", "PutItem"));

        assertThrows(ConditionalCheckFailedException.class, () -> dynamo.putItem(put -> put.tableName(table)
                .item(Map.of(PK, s("a"))).conditionExpression("attribute_not_exists(" + PK + ")")));
        assertThrows(ResourceNotFoundException.class, () -> dynamo.getItem(get -> get.tableName(table + "-missing")
                .key(Map.of(PK, s("a")))));

        PrometheusText after = scrape();
        assertEquals(1.0, after.value("dynamodb_ConditionalCheckFailedRequests_total", "TableName", table));
        assertEquals(1.0, after.value("dynamodb_UserErrors_total"), "a failed condition is no user error, a missing table is");
        assertEquals(3.0, latency(after, "PutItem", "count"), "failed requests are not timed");
    }

    @Test
    void serverFiguresAreThereToo() throws Exception {
        PrometheusText metrics = scrape();

        assertEquals(1.0, metrics.value("modyn_bundle_state", "bundle", "io.modyn.engine", "id", bundleId(metrics, "io.modyn.engine"),
                "version", version(metrics, "io.modyn.engine"), "state", "ACTIVE"));
        assertTrue(metrics.has("jvm_memory_used_bytes", "area", "heap"), "JVM heap in use");
        assertTrue(metrics.has("jvm_threads_current"), "JVM threads");
        if (StorageBackend.current() == StorageBackend.POSTGRES) {
            assertTrue(metrics.value("modyn_storage_postgres_pool_connections") >= 1);
        } else {
            assertTrue(metrics.value("modyn_storage_file_commitlog_segments") >= 1);
            assertTrue(metrics.value("modyn_storage_file_commitlog_bytes") > 0);
            assertEquals("counter", metrics.type("modyn_storage_file_block_cache_hits_total"));
            assertTrue(metrics.has("modyn_storage_file_write_stalls_total"));
        }
    }

    @Test
    void aCrossSiteRequestIsRefused() throws IOException {
        String response = send("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1:" + metricsPort + "\r\nOrigin: http://evil.example\r\n");

        assertTrue(response.startsWith("HTTP/1.1 403"), response);
        assertFalse(response.contains("dynamodb_"), response);
        assertFalse(response.toLowerCase(Locale.ROOT).contains("access-control-"), response);
    }

    @Test
    void aForeignHostIsRefused() throws IOException {
        String response = send("GET /metrics HTTP/1.1\r\nHost: evil.example:" + metricsPort + "\r\n");

        assertTrue(response.startsWith("HTTP/1.1 403"), response);
        assertFalse(response.contains("dynamodb_"), response);
    }

    @Test
    void theSameRequestNamingTheEndpointIsServed() throws IOException {
        String response = send("GET /metrics HTTP/1.1\r\nHost: localhost:" + metricsPort + "\r\n");

        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        assertTrue(response.contains("dynamodb_UserErrors_total"), response);
    }

    private static double latency(PrometheusText metrics, String operation, String part) {
        return metrics.value("dynamodb_SuccessfulRequestLatency_seconds_" + part, "TableName", table, "Operation", operation);
    }

    private static double capacity(PrometheusText metrics, String kind, String index) {
        return metrics.value("dynamodb_Consumed" + kind + "CapacityUnits_total", "TableName", table, "GlobalSecondaryIndexName", index);
    }

    private static String bundleId(PrometheusText metrics, String bundle) {
        return label(metrics, bundle, "id");
    }

    private static String version(PrometheusText metrics, String bundle) {
        return label(metrics, bundle, "version");
    }

    private static String label(PrometheusText metrics, String bundle, String label) {
        return metrics.samples().stream().filter(sample -> sample.name().equals("modyn_bundle_state")
                && bundle.equals(sample.labels().get("bundle"))).findFirst().orElseThrow().labels().get(label);
    }

    private static PrometheusText scrape() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
                response.headers().toString());
        return PrometheusText.parse(response.body());
    }

    /** Written by hand over a socket: java.net.http will not send a foreign Host. */
    private static String send(String head) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), metricsPort)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
