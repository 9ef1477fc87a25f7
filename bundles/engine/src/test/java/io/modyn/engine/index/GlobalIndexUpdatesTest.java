package io.modyn.engine.index;

import static io.modyn.engine.index.IndexFixture.all;
import static io.modyn.engine.index.IndexFixture.defs;
import static io.modyn.engine.index.IndexFixture.index;
import static io.modyn.engine.index.IndexFixture.item;
import static io.modyn.engine.index.IndexFixture.keys;
import static io.modyn.engine.index.IndexFixture.keysOnly;
import static io.modyn.engine.index.IndexFixture.n;
import static io.modyn.engine.index.IndexFixture.s;
import static io.modyn.engine.index.IndexFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.dynamodb.GlobalSecondaryIndexUpdate;
import io.modyn.api.dynamodb.SecondaryIndexRequest;
import io.modyn.api.dynamodb.UpdateTableRequest;
import io.modyn.api.dynamodb.UpdateTableResponse;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.ProvisionedThroughput;
import io.modyn.api.model.SecondaryIndex;
import io.modyn.engine.catalog.TableCatalog;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** GlobalSecondaryIndexUpdates: Create with a backfill (also under concurrent writes), Delete, Update, and their validation. */
class GlobalIndexUpdatesTest {

    private final IndexFixture fixture = new IndexFixture();

    @BeforeEach
    void createTable() {
        fixture.create(table("people", defs("id", "S", "sk", "S", "age", "N"), keys("id", "HASH", "sk", "RANGE"),
                List.of(index("byAge", keys("id", "HASH", "age", "RANGE"), keysOnly())), null));
    }

    @Test
    void createdIndexIsBackfilledThenActive() throws InterruptedException {
        for (int i = 0; i < 30; i++) fixture.put("people", item("id", s("p" + i), "sk", s("x"), "city", s(i % 2 == 0 ? "rome" : "oslo")));
        fixture.put("people", item("id", s("nocity"), "sk", s("x")));
        fixture.put("people", item("id", s("badcity"), "sk", s("x"), "city", n("7"))); // not a key of type S: left out
        UpdateTableResponse response = createByCity();
        SecondaryIndex created = response.tableDescription().definition().globalSecondaryIndexes().get(0);
        assertEquals("CREATING", created.indexStatus());
        assertTrue(created.backfilling());
        assertEquals(List.of("id", "sk", "age", "city"),
                response.tableDescription().definition().attributeDefinitions().stream().map(AttributeDefinition::attributeName).toList());
        // The backfill starts at once, so whether it is still running here is a matter of timing:
        // IndexCreationAcrossNodesTest holds a backfill to check that reading it is refused.

        awaitActive();
        assertEquals(15, cities("rome").size());
        assertEquals(15, cities("oslo").size());
        assertEquals(30, fixture.describe("people").indexStatistics().get("byCity").itemCount());
        // The item the backfill left out can still be written as long as the write leaves its city alone.
        fixture.update("people", item("id", s("badcity"), "sk", s("x")), "SET age = :a", Map.of(":a", n("3")));
        assertError("One or more parameter values were invalid: Type mismatch for Index Key city Expected: S Actual: N IndexName: byCity",
                () -> fixture.update("people", item("id", s("badcity"), "sk", s("x")), "SET city = :c", Map.of(":c", n("8"))));
    }

    @Test
    void writesDuringTheBackfillEndUpInTheIndexExactlyOnce() throws InterruptedException {
        for (int i = 0; i < 200; i++) fixture.put("people", item("id", s("p" + i), "sk", s("x"), "city", s("rome")));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger moved = new AtomicInteger();
        Thread writer = new Thread(() -> {
            for (int i = 0; !stop.get(); i = (i + 7) % 200) {
                fixture.update("people", item("id", s("p" + i), "sk", s("x")), "SET city = :c", Map.of(":c", s("oslo")));
                moved.incrementAndGet();
            }
        });
        writer.start();
        // The backfill starts at once and may be quick: the writer must already be writing when
        // the index is created, so that its writes overlap the backfill.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (moved.get() < 10 && System.nanoTime() < deadline) Thread.sleep(1);
        assertTrue(moved.get() >= 10, "the writer did not get going");
        createByCity();
        awaitActive();
        stop.set(true);
        writer.join();
        int oslo = cities("oslo").size();
        int rome = cities("rome").size();
        assertEquals(200, oslo + rome);
        assertEquals(200, fixture.describe("people").indexStatistics().get("byCity").itemCount());
    }

    @Test
    void deletedIndexIsGoneWithItsEntries() throws InterruptedException {
        fixture.put("people", item("id", s("p1"), "sk", s("x"), "city", s("rome")));
        createByCity();
        awaitActive();
        SecondaryIndex index = fixture.describe("people").definition().globalSecondaryIndexes().get(0);
        UpdateTableResponse response = fixture.engine.updateTable(new UpdateTableRequest("people", null, null, null,
                List.of(new GlobalSecondaryIndexUpdate(null, null, null, "byCity")), null, null, null), IndexFixture.CONTEXT);
        assertEquals("DELETING", response.tableDescription().definition().globalSecondaryIndexes().get(0).indexStatus());
        assertTrue(fixture.describe("people").definition().globalSecondaryIndexes().isEmpty());
        assertFalse(fixture.storage.keyspaceExists(TableCatalog.indexKeyspace(index)));
        assertEquals(List.of("id", "sk", "age"),
                fixture.describe("people").definition().attributeDefinitions().stream().map(AttributeDefinition::attributeName).toList());
        fixture.put("people", item("id", s("p2"), "sk", s("x"), "city", s("rome")));
    }

    @Test
    void updatesAreValidatedAsDynamoDbValidatesThem() {
        assertError("Attempting to create an index which already exists", () -> update(List.of(create("byAge", "age"))));
        assertError("One or more parameter values were invalid: AttributeDefinitions is not specified for index: byCity",
                () -> fixture.engine.updateTable(new UpdateTableRequest("people", null, null, null, List.of(create("byCity", "city")), null,
                        null, null), IndexFixture.CONTEXT));
        assertError("Cannot delete an index that is not a GlobalSecondaryIndex: byAge",
                () -> update(List.of(new GlobalSecondaryIndexUpdate(null, null, null, "byAge"))));
        DynamoException missing = assertThrows(DynamoException.class,
                () -> update(List.of(new GlobalSecondaryIndexUpdate(null, null, null, "ghost"))));
        assertEquals(ErrorType.RESOURCE_NOT_FOUND, missing.type());
        assertEquals("Requested resource not found: Index ghost for table people", missing.getMessage());
        assertError("One or more parameter values were invalid: Only one global secondary index action is allowed per "
                + "GlobalSecondaryIndexUpdate object", () -> update(List.of(new GlobalSecondaryIndexUpdate(create("byCity", "city").create(),
                null, null, "byAge"))));
        DynamoException two = assertThrows(DynamoException.class, () -> update(List.of(create("byCity", "city"), create("byCity2", "city"))));
        assertEquals(ErrorType.LIMIT_EXCEEDED, two.type());
    }

    @Test
    void switchingToProvisionedNeedsEachGlobalIndexThroughput() throws InterruptedException {
        createByCity();
        awaitActive();
        ProvisionedThroughput five = new ProvisionedThroughput(5L, 5L);
        assertError("One or more parameter values were invalid: ProvisionedThroughput must be specified for index: byCity",
                () -> fixture.engine.updateTable(new UpdateTableRequest("people", null, "PROVISIONED", five), IndexFixture.CONTEXT));
        UpdateTableResponse response = fixture.engine.updateTable(new UpdateTableRequest("people", null, "PROVISIONED", five,
                List.of(new GlobalSecondaryIndexUpdate(null, "byCity", new ProvisionedThroughput(3L, 4L), null)), null, null, null),
                IndexFixture.CONTEXT);
        SecondaryIndex index = response.tableDescription().definition().globalSecondaryIndexes().get(0);
        assertEquals(3, index.provisionedThroughput().readCapacityUnits());
        assertEquals(4, index.provisionedThroughput().writeCapacityUnits());
        assertError("The provisioned throughput for the index byCity will not change. The requested value equals the current value. "
                + "Current ReadCapacityUnits provisioned for the index: 3. Requested ReadCapacityUnits: 3. Current WriteCapacityUnits "
                + "provisioned for the index: 4. Requested WriteCapacityUnits: 4. Refer to the Amazon DynamoDB Developer Guide for current "
                + "limits and how to request higher limits.", () -> fixture.engine.updateTable(new UpdateTableRequest("people", null, null,
                null, List.of(new GlobalSecondaryIndexUpdate(null, "byCity", new ProvisionedThroughput(3L, 4L), null)), null, null, null),
                IndexFixture.CONTEXT));
    }

    private UpdateTableResponse createByCity() {
        return update(List.of(create("byCity", "city")));
    }

    private UpdateTableResponse update(List<GlobalSecondaryIndexUpdate> updates) {
        return fixture.engine.updateTable(new UpdateTableRequest("people", defs("city", "S"), null, null, updates, null, null, null),
                IndexFixture.CONTEXT);
    }

    private static GlobalSecondaryIndexUpdate create(String name, String attribute) {
        return new GlobalSecondaryIndexUpdate(new SecondaryIndexRequest(name, keys(attribute, "HASH"), all(), null), null, null, null);
    }

    /** Polls DescribeTable as a client waiting for the index would. */
    private void awaitActive() throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            SecondaryIndex index = fixture.describe("people").definition().globalSecondaryIndexes().get(0);
            if ("ACTIVE".equals(index.indexStatus()) && !index.backfilling()) return;
            Thread.sleep(50);
        }
        throw new AssertionError("the index did not become ACTIVE");
    }

    private List<Map<String, AttributeValue>> cities(String city) {
        return fixture.query("people", "byCity").where("city = :c", ":c", s(city)).all();
    }

    private static void assertError(String message, Executable request) {
        assertEquals(message, assertThrows(DynamoException.class, request).getMessage());
    }
}
