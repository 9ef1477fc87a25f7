package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.itests.support.ConcurrentWriters;
import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.TestTables;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Data survives the server process: a graceful restart, and a {@code kill -9} in the middle of a
 * stream of concurrent writes, after which every acknowledged write is present and complete.
 * This class runs its own server, since it stops and kills it.
 */
class DurabilityTest {

    private static final int WRITERS = 4;
    private static final int WRITES_BEFORE_KILL = 300;

    private static ModynServer server;

    @BeforeAll
    static void startServer() {
        server = ModynServer.start("durability");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @Test
    void tablesAndItemsSurviveAGracefulRestart() {
        String table;
        TableDescription before;
        Map<String, Map<String, AttributeValue>> written = new HashMap<>();
        try (DynamoDbClient dynamo = DynamoDbClients.create(server)) {
            table = TestTables.createHashRangeTable(dynamo, "restart", ScalarAttributeType.S, ScalarAttributeType.N);
            for (int i = 0; i < 50; i++) {
                Map<String, AttributeValue> item = Map.of("pk", s("p" + i % 5), "sk", n(i), "v", s("value " + i));
                dynamo.putItem(put -> put.tableName(table).item(item));
                written.put(i % 5 + "/" + i, item);
            }
            Map<String, AttributeValue> overwritten = Map.of("pk", s("p0"), "sk", n(0), "v", s("second version"));
            dynamo.putItem(put -> put.tableName(table).item(overwritten));
            written.put("0/0", overwritten);
            dynamo.deleteItem(delete -> delete.tableName(table).key(Map.of("pk", s("p1"), "sk", n(1))));
            written.remove("1/1");
            before = dynamo.describeTable(describe -> describe.tableName(table)).table();
        }

        server.stop();
        server.restart();

        try (DynamoDbClient dynamo = DynamoDbClients.create(server)) {
            TableDescription after = dynamo.describeTable(describe -> describe.tableName(table)).table();
            assertEquals(before.tableId(), after.tableId());
            assertEquals(before.tableArn(), after.tableArn());
            assertEquals(before.creationDateTime(), after.creationDateTime());
            assertEquals(before.keySchema(), after.keySchema());

            Map<String, Map<String, AttributeValue>> read = new HashMap<>();
            dynamo.scanPaginator(scan -> scan.tableName(table)).items().forEach(item ->
                    read.put(item.get("pk").s().substring(1) + "/" + item.get("sk").n(), item));
            assertEquals(written, read);
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillDashNineDuringConcurrentWrites() {
        String table;
        Set<String> acknowledged;
        try (DynamoDbClient setup = DynamoDbClients.create(server)) {
            table = TestTables.createHashTable(setup, "kill", ScalarAttributeType.S);
        }
        // No retries: a writer whose server died must fail, not wait for the restart.
        try (DynamoDbClient dynamo = DynamoDbClients.builder(server)
                .overrideConfiguration(override -> override.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            ConcurrentWriters writers = ConcurrentWriters.start(dynamo, table, WRITERS);
            writers.awaitAcknowledged(WRITES_BEFORE_KILL, Duration.ofSeconds(120));

            int exitCode = server.kill();

            writers.close();
            acknowledged = writers.acknowledged();
            assertEquals(137, exitCode, "exit code of a process killed by SIGKILL (128 + 9)");
        }

        server.restart();

        try (DynamoDbClient dynamo = DynamoDbClients.create(server)) {
            Map<String, AttributeValue> stored = new HashMap<>();
            dynamo.scanPaginator(scan -> scan.tableName(table)).items()
                    .forEach(item -> stored.put(item.get("pk").s(), item.get("value")));

            Set<String> lost = new TreeSet<>(acknowledged);
            lost.removeAll(stored.keySet());
            assertEquals(Set.of(), lost, "acknowledged writes missing after kill -9 (" + acknowledged.size() + " acknowledged)");
            stored.forEach((key, value) ->
                    assertEquals(ConcurrentWriters.valueFor(key), value, "item " + key + " is complete"));
        }
    }
}
