package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static io.modyn.itests.support.SecondaryIndexes.all;
import static io.modyn.itests.support.SecondaryIndexes.gsi;
import static io.modyn.itests.support.TestTables.definition;
import static io.modyn.itests.support.TestTables.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SecondaryIndexes;
import io.modyn.itests.support.StorageBackend;
import io.modyn.itests.support.TestTables;
import io.modyn.itests.support.TwoNodes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * A global index created through one node while another node writes to the table without pause,
 * both on one PostgreSQL schema. Node B's writes start from a cached definition without the index
 * and may commit at any moment of the backfill; once node A reports the index ACTIVE, the index
 * must hold exactly the table's items, and node B must read the index at once (its cached
 * definition may still show the index missing or backfilling). Several rounds, a new table each.
 */
@EnabledIfSystemProperty(named = StorageBackend.PROPERTY, matches = "postgres",
        disabledReason = "several nodes share a database only on PostgreSQL storage")
class MultiNodeIndexCreationTest {

    private static final Duration INDEX_TIMEOUT = Duration.ofSeconds(60);
    private static final int ROUNDS = 3;
    private static final int COLORS = 3;

    private static TwoNodes nodes;
    private static ModynServer nodeA;
    private static ModynServer nodeB;
    private static DynamoDbClient clientA;
    private static DynamoDbClient clientB;

    @BeforeAll
    static void startTwoNodesOnOneDatabase() {
        nodes = TwoNodes.start();
        nodeA = nodes.nodeA();
        nodeB = nodes.nodeB();
        clientA = nodes.clientA();
        clientB = nodes.clientB();
    }

    @AfterAll
    static void stopNodes() {
        if (nodes != null) nodes.close();
    }

    @Test
    void anIndexCreatedOnOneNodeWhileAnotherWritesHoldsEveryItemAndIsReadableThereOnceActive() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            String table = TestTables.createHashTable(clientA, "gsi-nodes", ScalarAttributeType.S);
            for (int i = 0; i < 100; i++) put(clientA, table, "before-" + i, i);
            assertValidationError("The table does not have the specified index: by-color", () -> queryColor(clientB, table, 0));

            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger written = new AtomicInteger();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            Thread writer = new Thread(() -> {
                // New items, and existing ones moved to another color (a new index key).
                for (int i = 0; !stop.get(); i++) {
                    try {
                        put(clientB, table, "during-" + i, i);
                        put(clientB, table, "before-" + (i % 100), i + 1);
                        written.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.add(e);
                        return;
                    }
                }
            }, "writer-on-node-b");
            writer.start();
            try {
                while (written.get() < 20 && failures.isEmpty()) Thread.sleep(10);
                clientA.updateTable(update -> update.tableName(table)
                        .attributeDefinitions(definition("color", ScalarAttributeType.S))
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                                .create(create(gsi("by-color", all(), key("color", KeyType.HASH)))).build()));
                SecondaryIndexes.awaitGsiActive(clientA, table, "by-color", INDEX_TIMEOUT, description -> { });
                queryColor(clientB, table, 0); // no ValidationException on node B, right after node A reported ACTIVE
                int atActive = written.get();
                while (written.get() < atActive + 20 && failures.isEmpty()) Thread.sleep(10);
            } finally {
                stop.set(true);
                writer.join(60_000);
            }
            assertTrue(failures.isEmpty(), "node B's writes failed: " + failures);

            Map<String, String> items = colorsById(clientA, ScanRequest.builder().tableName(table).consistentRead(true).build());
            assertEquals(items, colorsById(clientA, ScanRequest.builder().tableName(table).indexName("by-color").build()),
                    "round " + round + ": the index holds exactly the table's items, with their current colors");
            assertEquals(items, colorsById(clientB, ScanRequest.builder().tableName(table).indexName("by-color").build()),
                    "round " + round + ": node B reads the same index");
            int queried = 0;
            for (int color = 0; color < COLORS; color++) queried += queryColor(clientB, table, color);
            assertEquals(items.size(), queried, "round " + round + ": the items of every color, queried through node B");
        }
    }

    private static void put(DynamoDbClient client, String table, String id, int version) {
        client.putItem(put -> put.tableName(table).item(Map.of(TestTables.PK, s(id), "color", s("c" + version % COLORS))));
    }

    /** The number of items of a color, queried through the index on this node (every page). */
    private static int queryColor(DynamoDbClient client, String table, int color) {
        return client.queryPaginator(query -> query.tableName(table).indexName("by-color")
                .keyConditionExpression("color = :c").expressionAttributeValues(Map.of(":c", s("c" + color))))
                .stream().mapToInt(page -> page.count()).sum();
    }

    private static Map<String, String> colorsById(DynamoDbClient client, ScanRequest scan) {
        Map<String, String> colors = new TreeMap<>();
        client.scanPaginator(scan).items().forEach(item -> colors.put(item.get(TestTables.PK).s(), colorOf(item)));
        return colors;
    }

    private static String colorOf(Map<String, AttributeValue> item) {
        return item.get("color").s();
    }

    private static CreateGlobalSecondaryIndexAction create(GlobalSecondaryIndex index) {
        return CreateGlobalSecondaryIndexAction.builder().indexName(index.indexName()).keySchema(index.keySchema())
                .projection(index.projection()).build();
    }
}
