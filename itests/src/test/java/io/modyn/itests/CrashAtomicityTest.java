package io.modyn.itests;

import static io.modyn.itests.support.SecondaryIndexes.gsi;
import static io.modyn.itests.support.SecondaryIndexes.keysOnly;
import static io.modyn.itests.support.TestTables.definition;
import static io.modyn.itests.support.TestTables.key;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.itests.support.ConcurrentWriters;
import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.DynamoDbStreamsClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.StreamReader;
import io.modyn.itests.support.TestTables;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * An item, its index entries and its stream record are written in one storage transaction, so a
 * {@code kill -9} in the middle of concurrent writes leaves all three or none: after the restart
 * the index holds exactly the table's items, the stream holds exactly one INSERT per item, and
 * every acknowledged write is among them. This class runs its own server, since it kills it.
 */
class CrashAtomicityTest {

    private static final int WRITERS = 4;
    private static final int WRITES_BEFORE_KILL = 200;

    private static ModynServer server;

    @BeforeAll
    static void startServer() {
        server = ModynServer.start("crash-atomicity");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @Test
    void itemsIndexEntriesAndStreamRecordsSurviveKillDashNineTogether() {
        String table = TestTables.uniqueName("crash");
        Set<String> acknowledged;
        // No retries: a writer whose server died must fail, not wait for the restart.
        try (DynamoDbClient dynamo = DynamoDbClients.withoutRetries(server)) {
            dynamo.createTable(create -> create.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("value", ScalarAttributeType.S))
                    .keySchema(key("pk", KeyType.HASH))
                    .globalSecondaryIndexes(gsi("by-value", keysOnly(), key("value", KeyType.HASH)))
                    .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
            TestTables.awaitActive(dynamo, table);
            ConcurrentWriters writers = ConcurrentWriters.start(dynamo, table, WRITERS);
            writers.awaitAcknowledged(WRITES_BEFORE_KILL, Duration.ofSeconds(120));

            assertEquals(137, server.kill(), "exit code of a process killed by SIGKILL (128 + 9)");

            writers.close();
            acknowledged = writers.acknowledged();
        }

        server.restart();

        try (DynamoDbClient dynamo = DynamoDbClients.withoutRetries(server);
             DynamoDbStreamsClient streams = DynamoDbStreamsClients.withoutRetries(server)) {
            Set<String> items = keys(dynamo, ScanRequest.builder().tableName(table).consistentRead(true).build());
            Set<String> indexed = keys(dynamo, ScanRequest.builder().tableName(table).indexName("by-value").build());
            String streamArn = dynamo.describeTable(describe -> describe.tableName(table)).table().latestStreamArn();
            List<Record> records = new StreamReader(streams, streamArn).readAll();
            List<String> recorded = records.stream().map(record -> record.dynamodb().keys().get("pk").s()).toList();

            Set<String> lost = new TreeSet<>(acknowledged);
            lost.removeAll(items);
            assertAll(
                    () -> assertEquals(Set.of(), lost, "acknowledged writes missing (" + acknowledged.size() + " acknowledged)"),
                    () -> assertEquals(items, indexed, "the index holds exactly the table's items"),
                    () -> assertEquals(items, Set.copyOf(recorded), "the stream records exactly the table's items"),
                    () -> assertEquals(recorded.size(), Set.copyOf(recorded).size(), "one record per item"));
        }
    }

    private static Set<String> keys(DynamoDbClient dynamo, ScanRequest scan) {
        return dynamo.scanPaginator(scan).items().stream().map(item -> item.get("pk").s()).collect(Collectors.toSet());
    }
}
