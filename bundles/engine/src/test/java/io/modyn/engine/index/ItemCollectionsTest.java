package io.modyn.engine.index;

import static io.modyn.engine.index.IndexFixture.defs;
import static io.modyn.engine.index.IndexFixture.include;
import static io.modyn.engine.index.IndexFixture.index;
import static io.modyn.engine.index.IndexFixture.item;
import static io.modyn.engine.index.IndexFixture.keys;
import static io.modyn.engine.index.IndexFixture.s;
import static io.modyn.engine.index.IndexFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.dynamodb.ItemCollectionMetrics;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.item.ItemSize;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Item collections of tables with local indexes: their size limit and the metrics DynamoDB reports. */
class ItemCollectionsTest {

    /** A small limit stands in for DynamoDB's 10 GB. */
    private final IndexFixture fixture = new IndexFixture(100);

    @Test
    void growingACollectionPastTheLimitIsRefusedAndShrinkingIsNot() {
        fixture.create(table("notes", defs("pk", "S", "sk", "S", "at", "S"), keys("pk", "HASH", "sk", "RANGE"),
                List.of(index("byAt", keys("pk", "HASH", "at", "RANGE"), include("body"))), null));
        var first = item("pk", s("a"), "sk", s("1"), "at", s("t1"), "body", s("x".repeat(20)));
        fixture.put("notes", first);
        assertTrue(ItemSize.of(first) * 2 < 100); // the item and its local index entry (which projects all of it)
        DynamoException e = assertThrows(DynamoException.class,
                () -> fixture.put("notes", item("pk", s("a"), "sk", s("2"), "at", s("t2"), "body", s("y".repeat(40)))));
        assertEquals(ErrorType.ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED, e.type());
        assertEquals("Collection size exceeded.", e.getMessage());
        fixture.put("notes", item("pk", s("b"), "sk", s("2"), "at", s("t2"), "body", s("y".repeat(20)))); // another collection
        fixture.update("notes", item("pk", s("a"), "sk", s("1")), "REMOVE body", java.util.Map.of());
        fixture.put("notes", item("pk", s("a"), "sk", s("2"), "at", s("t2"), "body", s("y".repeat(15)))); // fits again
    }

    @Test
    void metricsNameTheCollectionOfTablesWithLocalIndexesOnly() {
        fixture.create(table("notes", defs("pk", "S", "sk", "S", "at", "S"), keys("pk", "HASH", "sk", "RANGE"),
                List.of(index("byAt", keys("pk", "HASH", "at", "RANGE"), include("body"))), null));
        fixture.put("notes", item("pk", s("a"), "sk", s("1"), "at", s("t1")));
        TableDefinition notes = fixture.describe("notes").definition();
        ItemCollectionMetrics metrics = ItemCollections.metrics(fixture.storage, notes, item("pk", s("a"), "sk", s("1")));
        assertEquals(item("pk", s("a")), metrics.itemCollectionKey());
        assertEquals(List.of(0.0, 1.0), metrics.sizeEstimateRangeGB());

        fixture.create(table("plain", defs("pk", "S"), keys("pk", "HASH"), null, null));
        assertNull(ItemCollections.metrics(fixture.storage, fixture.describe("plain").definition(), item("pk", s("a"))));
    }
}
