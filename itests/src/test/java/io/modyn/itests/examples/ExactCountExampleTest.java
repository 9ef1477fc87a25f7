package io.modyn.itests.examples;

import static io.modyn.itests.support.AttributeValues.s;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.Eventually;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.TestTables;
import io.modyn.itests.support.WireClient;
import io.modyn.itests.support.WireResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The exact-count example (examples/exact-count): a custom operation under its own
 * {@code X-Amz-Target} prefix, dropped into {@code deploy/} of a running server, answers an exact
 * count of a table that takes several 1 MB scan pages, answers DynamoDB's own error for a table
 * that does not exist, and is gone (UnknownOperationException) once its jar is removed.
 */
class ExactCountExampleTest {

    private static final String SYMBOLIC_NAME = "io.modyn.examples.count";
    private static final String TARGET = "ModynExactCount_20261207.CountItems";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int ITEMS = 3_000;

    private static ModynServer server;
    private static DynamoDbClient dynamo;
    private static WireClient wire;

    @BeforeAll
    static void start() {
        server = ModynServer.start("count-example");
        dynamo = DynamoDbClients.create(server);
        wire = new WireClient(server);
    }

    @AfterAll
    static void stop() {
        if (dynamo != null) dynamo.close();
        if (server != null) server.close();
    }

    @Test
    void aDeployedOperationCountsExactlyAnswersDynamoDbsErrorsAndLeavesWithItsJar() throws IOException {
        String table = TestTables.createHashTable(dynamo, "count", ScalarAttributeType.S);
        String payload = "x".repeat(1_000);
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            String key = "item-" + i;
            batch.add(WriteRequest.builder().putRequest(put -> put.item(Map.of("pk", s(key), "payload", s(payload)))).build());
            if (batch.size() == 25) {
                List<WriteRequest> requests = List.copyOf(batch);
                dynamo.batchWriteItem(write -> write.requestItems(Map.of(table, requests)));
                batch.clear();
            }
        }
        Path jar = Path.of(System.getProperty("modyn.examples")).resolve("exact-count/target")
                .resolve("modyn-example-exact-count-" + System.getProperty("modyn.version") + ".jar");
        Path deployed = server.home().resolve("deploy").resolve(SYMBOLIC_NAME + ".jar");
        Path staging = server.home().resolve("count.jar.staging");
        Files.copy(jar, staging, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staging, deployed, StandardCopyOption.ATOMIC_MOVE);
        Eventually.await("the count operation is served", TIMEOUT, () -> count(table).status() == 200);

        WireResponse counted = count(table);
        WireResponse missing = count("no-such-table");
        assertAll(
                () -> assertEquals(ITEMS, counted.json().getInt("Count"), counted.text()),
                () -> assertEquals(ITEMS, counted.json().getInt("ScannedCount"), counted.text()),
                () -> assertTrue(counted.json().getInt("Pages") >= 3, "3 MB of items take several 1 MB pages: " + counted.text()),
                () -> assertEquals(400, missing.status()),
                () -> assertEquals("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", missing.errorType(), missing.text()));

        Files.delete(deployed);
        Eventually.await("the bundle is uninstalled", TIMEOUT, () -> server.admin().bundle(SYMBOLIC_NAME).isEmpty());
        WireResponse gone = count(table);
        assertEquals("com.amazon.coral.service#UnknownOperationException", gone.errorType(), gone.text());
    }

    private static WireResponse count(String table) {
        return wire.post("CountItems").target(TARGET).body("{\"TableName\":\"" + table + "\"}").send();
    }
}
