package io.modyn.engine.index;

import static io.modyn.engine.index.IndexFixture.CONTEXT;
import static io.modyn.engine.index.IndexFixture.all;
import static io.modyn.engine.index.IndexFixture.defs;
import static io.modyn.engine.index.IndexFixture.item;
import static io.modyn.engine.index.IndexFixture.keys;
import static io.modyn.engine.index.IndexFixture.s;
import static io.modyn.engine.index.IndexFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.dynamodb.DescribeTableRequest;
import io.modyn.api.dynamodb.GlobalSecondaryIndexUpdate;
import io.modyn.api.dynamodb.PutItemRequest;
import io.modyn.api.dynamodb.QueryRequest;
import io.modyn.api.dynamodb.ScanRequest;
import io.modyn.api.dynamodb.ScanResponse;
import io.modyn.api.dynamodb.SecondaryIndexRequest;
import io.modyn.api.dynamodb.UpdateTableRequest;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.SecondaryIndex;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.engine.DynamoDbEngine;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.write.ItemWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two nodes share one storage and each caches table definitions for up to a second, as Modyn
 * nodes on one PostgreSQL database do. An index created through one node must hold every item,
 * including one written through the other node from a definition without the index, however long
 * that write lingers before it commits; and once one node reports the index ACTIVE, the other must
 * not refuse to read it.
 */
@Timeout(120)
class IndexCreationAcrossNodesTest {

    private final InMemoryStorageEngine shared = new InMemoryStorageEngine();
    private final HoldingStorage storageB = new HoldingStorage(shared);
    private final HoldingStorage storageA = new HoldingStorage(shared);
    private final DynamoDbEngine nodeA = node(storageA);
    private final DynamoDbEngine nodeB = node(storageB);
    private final ExecutorService threads = Executors.newSingleThreadExecutor();

    @BeforeEach
    void createTable() {
        nodeA.createTable(table("colors", defs("id", "S"), keys("id", "HASH"), null, null), CONTEXT);
        for (int i = 0; i < 60; i++) put(nodeA, item("id", s("early-" + i), "color", s(i % 2 == 0 ? "red" : "blue")));
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS));
    }

    @Test
    void anItemWrittenFromADefinitionWithoutTheIndexThatCommitsAfterTheBackfillIsInTheIndex() throws Exception {
        put(nodeB, item("id", s("warm-up"), "color", s("blue"))); // node B now caches the table without the index
        HoldingStorage.Hold lingering = storageB.holdNextCommitWritingTo("table.");
        Future<?> late = threads.submit(() -> put(nodeB, item("id", s("late"), "color", s("red"))));
        lingering.awaitReached(); // computed from the definition without the index, not yet committed

        createIndex(nodeA);
        awaitActive(nodeA); // the backfill has passed every key, and "late" was not there to be seen
        lingering.release();
        late.get(60, TimeUnit.SECONDS);

        Set<String> inTable = ids(scan(nodeA, null));
        assertTrue(inTable.contains("late"));
        assertEquals(inTable, ids(scan(nodeA, "byColor")), "every item of the table is in the index");
        assertEquals(ids(scan(nodeA, "byColor")), ids(scan(nodeB, "byColor")));
    }

    @Test
    void aNodeWhoseCacheLacksTheIndexReadsItOnceAnotherNodeMadeItActive() throws Exception {
        nodeB.describeTable(new DescribeTableRequest("colors"), CONTEXT); // node B caches the table without the index
        createIndex(nodeA);
        awaitActive(nodeA);
        assertEquals(30, queryRed(nodeB).size(), "node B reads the index node A reported ACTIVE");
    }

    @Test
    void aNodeWhoseCacheHasTheIndexBackfillingReadsItOnceAnotherNodeMadeItActive() throws Exception {
        HoldingStorage.Hold backfill = storageA.holdNextCommitWritingTo("index.");
        createIndex(nodeA);
        backfill.awaitReached(); // the first batch of the backfill is about to commit
        DynamoException refused = assertThrows(DynamoException.class, () -> queryRed(nodeB));
        assertEquals("Cannot read from backfilling global secondary index: byColor", refused.getMessage(),
                "node B now caches the index as backfilling");
        backfill.release();
        awaitActive(nodeA);
        assertEquals(30, queryRed(nodeB).size(), "node B reads the index node A reported ACTIVE");
    }

    private static DynamoDbEngine node(StorageEngine storage) {
        StorageBinding binding = new StorageBinding();
        binding.bind(storage);
        return new DynamoDbEngine(binding, new EngineSettings("us-east-1", "000000000000"),
                new ItemWriter(List.of(new IndexMaintainer(ItemCollections.MAX_BYTES))));
    }

    private static void put(DynamoDbEngine node, Map<String, AttributeValue> item) {
        node.putItem(new PutItemRequest("colors", item, null, null, null, null, null, null, null, null, null), CONTEXT);
    }

    private static void createIndex(DynamoDbEngine node) {
        node.updateTable(new UpdateTableRequest("colors", defs("color", "S"), null, null, List.of(new GlobalSecondaryIndexUpdate(
                new SecondaryIndexRequest("byColor", keys("color", "HASH"), all(), null), null, null, null)), null, null, null), CONTEXT);
    }

    /** Polls DescribeTable on the node, as a client waiting for the index would. */
    private static void awaitActive(DynamoDbEngine node) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            SecondaryIndex index = node.describeTable(new DescribeTableRequest("colors"), CONTEXT).table().definition()
                    .globalSecondaryIndexes().get(0);
            if ("ACTIVE".equals(index.indexStatus()) && !index.backfilling()) return;
            Thread.sleep(50);
        }
        throw new AssertionError("the index did not become ACTIVE");
    }

    private static List<Map<String, AttributeValue>> queryRed(DynamoDbEngine node) {
        return node.query(new QueryRequest("colors", "byColor", null, null, null, null, null, null, null, null, null, null, null, null,
                "color = :c", null, Map.of(":c", s("red"))), CONTEXT).items();
    }

    /** Every item of the table or an index, across pages. */
    private static List<Map<String, AttributeValue>> scan(DynamoDbEngine node, String index) {
        List<Map<String, AttributeValue>> items = new java.util.ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanResponse page = node.scan(new ScanRequest("colors", index, null, null, null, null, null, start, null, null, null, null, null,
                    null, null, null), CONTEXT);
            items.addAll(page.items());
            start = page.lastEvaluatedKey();
        } while (start != null);
        return items;
    }

    private static Set<String> ids(List<Map<String, AttributeValue>> items) {
        Set<String> ids = new TreeSet<>();
        for (Map<String, AttributeValue> item : items) ids.add(((AttributeValue.S) item.get("id")).value());
        return ids;
    }
}
