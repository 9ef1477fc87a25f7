package io.modyn.engine.index;

import static io.modyn.engine.index.IndexFixture.all;
import static io.modyn.engine.index.IndexFixture.defs;
import static io.modyn.engine.index.IndexFixture.include;
import static io.modyn.engine.index.IndexFixture.index;
import static io.modyn.engine.index.IndexFixture.item;
import static io.modyn.engine.index.IndexFixture.keys;
import static io.modyn.engine.index.IndexFixture.keysOnly;
import static io.modyn.engine.index.IndexFixture.n;
import static io.modyn.engine.index.IndexFixture.s;
import static io.modyn.engine.index.IndexFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.dynamodb.BatchWriteItemRequest;
import io.modyn.api.dynamodb.WriteRequest;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Index entries follow every write: put, update, delete, batch; sparse indexes; projections; key type checks. */
class IndexMaintainerTest {

    private final IndexFixture fixture = new IndexFixture();

    @BeforeEach
    void createTable() {
        fixture.create(table("orders", defs("pk", "S", "sk", "S", "stage", "S", "amount", "N", "placed", "S"),
                keys("pk", "HASH", "sk", "RANGE"),
                List.of(index("byPlaced", keys("pk", "HASH", "placed", "RANGE"), keysOnly())),
                List.of(index("byStatus", keys("stage", "HASH", "amount", "RANGE"), include("note")),
                        index("everything", keys("stage", "HASH"), all()))));
    }

    @Test
    void putAddsEntriesWithTheProjectedAttributes() {
        fixture.put("orders", item("pk", s("c1"), "sk", s("o1"), "stage", s("open"), "amount", n("5"), "note", s("n"), "extra", s("x"),
                "placed", s("2024")));
        assertEquals(List.of(item("pk", s("c1"), "sk", s("o1"), "stage", s("open"), "amount", n("5"), "note", s("n"))),
                statusEntries("open"));
        assertEquals(List.of(item("pk", s("c1"), "sk", s("o1"), "placed", s("2024"))),
                fixture.query("orders", "byPlaced").where("pk = :p", ":p", s("c1")).all());
        assertEquals(s("x"), fixture.query("orders", "everything").where("stage = :s", ":s", s("open")).all().get(0).get("extra"));
    }

    @Test
    void updateMovesTheEntryWhenTheIndexKeyChanges() {
        fixture.put("orders", item("pk", s("c1"), "sk", s("o1"), "stage", s("open"), "amount", n("5")));
        fixture.update("orders", item("pk", s("c1"), "sk", s("o1")), "SET stage = :closed", Map.of(":closed", s("closed")));
        assertEquals(List.of(), statusEntries("open"));
        assertEquals(1, statusEntries("closed").size());
    }

    @Test
    void updateOfAProjectedAttributeRewritesTheEntry() {
        fixture.put("orders", item("pk", s("c1"), "sk", s("o1"), "stage", s("open"), "amount", n("5"), "note", s("a")));
        fixture.update("orders", item("pk", s("c1"), "sk", s("o1")), "SET note = :n", Map.of(":n", s("b")));
        assertEquals(s("b"), statusEntries("open").get(0).get("note"));
    }

    @Test
    void removingAnIndexKeyTakesTheItemOutOfTheIndex() {
        fixture.put("orders", item("pk", s("c1"), "sk", s("o1"), "stage", s("open"), "amount", n("5")));
        fixture.update("orders", item("pk", s("c1"), "sk", s("o1")), "REMOVE amount", Map.of());
        assertEquals(List.of(), statusEntries("open"));
        assertEquals(1, fixture.query("orders", "everything").where("stage = :s", ":s", s("open")).all().size());
    }

    @Test
    void itemsWithoutTheIndexKeyAreNotInTheIndex() {
        fixture.put("orders", item("pk", s("c1"), "sk", s("o1"), "amount", n("5")));
        assertEquals(0, fixture.describe("orders").indexStatistics().get("byStatus").itemCount());
        assertEquals(0, fixture.scan("orders", "everything", null, null, null).count());
    }

    @Test
    void deleteRemovesTheEntries() {
        fixture.put("orders", item("pk", s("c1"), "sk", s("o1"), "stage", s("open"), "amount", n("5"), "placed", s("2024")));
        fixture.delete("orders", item("pk", s("c1"), "sk", s("o1")));
        assertEquals(List.of(), statusEntries("open"));
        assertEquals(List.of(), fixture.query("orders", "byPlaced").where("pk = :p", ":p", s("c1")).all());
    }

    @Test
    void batchWritesMaintainIndexes() {
        fixture.put("orders", item("pk", s("c1"), "sk", s("old"), "stage", s("open"), "amount", n("1")));
        fixture.engine.batchWriteItem(new BatchWriteItemRequest(Map.of("orders", List.of(
                new WriteRequest(item("pk", s("c1"), "sk", s("o1"), "stage", s("open"), "amount", n("2")), null),
                new WriteRequest(item("pk", s("c1"), "sk", s("o2"), "stage", s("open"), "amount", n("3")), null),
                new WriteRequest(null, item("pk", s("c1"), "sk", s("old"))))), null, null), IndexFixture.CONTEXT);
        assertEquals(List.of(n("2"), n("3")), statusEntries("open").stream().map(e -> e.get("amount")).toList());
    }

    @Test
    void indexKeyOfTheWrongTypeIsRefusedWithDynamoDbsMessage() {
        DynamoException e = assertThrows(DynamoException.class,
                () -> fixture.put("orders", item("pk", s("c1"), "sk", s("o1"), "stage", n("1"))));
        assertEquals("One or more parameter values were invalid: Type mismatch for Index Key stage Expected: S Actual: N IndexName: byStatus",
                e.getMessage());
        assertEquals(0, fixture.scan("orders", null, null, null, null).count());
    }

    @Test
    void nonScalarIndexKeyIsATypeMismatch() {
        DynamoException e = assertThrows(DynamoException.class,
                () -> fixture.put("orders", item("pk", s("c1"), "sk", s("o1"), "placed", new AttributeValue.L(List.of()))));
        assertEquals("One or more parameter values were invalid: Type mismatch for Index Key placed Expected: S Actual: L IndexName: byPlaced",
                e.getMessage());
    }

    @Test
    void emptyIndexKeyIsRefused() {
        DynamoException e = assertThrows(DynamoException.class,
                () -> fixture.update("orders", item("pk", s("c1"), "sk", s("o1")), "SET stage = :e", Map.of(":e", s(""))));
        // UpdateItem's wording names the update expression (PutItem's names the index and key).
        assertEquals("One or more parameter values are not valid. The update expression attempted to update a secondary index key "
                + "to a value that is not supported. The AttributeValue for a key attribute cannot contain an empty string value.",
                e.getMessage());
    }

    private List<Map<String, AttributeValue>> statusEntries(String status) {
        return fixture.query("orders", "byStatus").where("stage = :s", ":s", s(status)).all();
    }
}
