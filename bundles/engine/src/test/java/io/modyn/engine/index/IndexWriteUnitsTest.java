package io.modyn.engine.index;

import static io.modyn.engine.index.IndexFixture.item;
import static io.modyn.engine.index.IndexFixture.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.IndexProjection;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.SecondaryIndex;
import io.modyn.api.model.TableDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Per-index write capacity, checked against figures measured on DynamoDB: a table keyed pk/sk with a
 * global index on gsiPk projecting INCLUDE [proj] and a local index on pk/lsiSk projecting ALL.
 */
class IndexWriteUnitsTest {

    private static final TableDefinition TABLE = TableDefinition.builder().tableName("idx").tableId("t")
            .keySchema(List.of(new KeySchemaElement("pk", "HASH"), new KeySchemaElement("sk", "RANGE")))
            .attributeDefinitions(List.of(new AttributeDefinition("pk", "S"), new AttributeDefinition("sk", "S"),
                    new AttributeDefinition("gsiPk", "S"), new AttributeDefinition("lsiSk", "S")))
            .globalSecondaryIndexes(List.of(new SecondaryIndex("gsi", "g", List.of(new KeySchemaElement("gsiPk", "HASH")),
                    new IndexProjection("INCLUDE", List.of("proj")), null, "ACTIVE", false)))
            .localSecondaryIndexes(List.of(new SecondaryIndex("lsi", "l",
                    List.of(new KeySchemaElement("pk", "HASH"), new KeySchemaElement("lsiSk", "RANGE")),
                    new IndexProjection("ALL", null), null, "ACTIVE", false)))
            .build();

    private static final Map<String, AttributeValue> INDEXED = item("pk", s("b"), "sk", s("1"), "gsiPk", s("g"), "lsiSk", s("L1"),
            "proj", s("p"), "other", s("o"));

    @Test
    void newItemCostsOneUnitInEachIndexItJoins() {
        IndexWriteUnits units = IndexWriteUnits.of(TABLE, null, item("pk", s("a"), "sk", s("1"), "gsiPk", s("g")));
        assertEquals(Map.of("gsi", 1.0), units.global());
        assertEquals(Map.of(), units.local());
        assertEquals(IndexWriteUnits.NONE, IndexWriteUnits.of(TABLE, null, item("pk", s("a"), "sk", s("1"))));
    }

    @Test
    void unchangedEntriesCostNothing() {
        assertEquals(IndexWriteUnits.NONE, IndexWriteUnits.of(TABLE, INDEXED, INDEXED));
        IndexWriteUnits units = IndexWriteUnits.of(TABLE, INDEXED, with("other", s("o2")));
        assertEquals(Map.of(), units.global()); // the global index does not project "other"
        assertEquals(Map.of("lsi", 1.0), units.local());
    }

    @Test
    void movingAnEntryCostsTheRemovalAndTheWrite() {
        IndexWriteUnits units = IndexWriteUnits.of(TABLE, INDEXED, with("gsiPk", s("g2")));
        assertEquals(Map.of("gsi", 2.0), units.global());
        assertEquals(3.0, units.total());
    }

    @Test
    void leavingAnIndexOrDeletingCostsTheRemovalSizedOnTheOldEntry() {
        Map<String, AttributeValue> large = with("proj", s("x".repeat(3000)));
        assertEquals(Map.of("gsi", 3.0), IndexWriteUnits.of(TABLE, large, null).global());
        Map<String, AttributeValue> deindexed = new java.util.LinkedHashMap<>(large);
        deindexed.remove("gsiPk");
        assertEquals(Map.of("gsi", 3.0), IndexWriteUnits.of(TABLE, large, deindexed).global());
    }

    @Test
    void rewritingInPlaceIsSizedOnTheLargerImage() {
        Map<String, AttributeValue> large = with("proj", s("x".repeat(3000)));
        assertEquals(Map.of("gsi", 3.0), IndexWriteUnits.of(TABLE, large, INDEXED).global());
        assertEquals(Map.of("gsi", 3.0), IndexWriteUnits.of(TABLE, INDEXED, large).global());
    }

    private static Map<String, AttributeValue> with(String name, AttributeValue value) {
        Map<String, AttributeValue> item = new java.util.LinkedHashMap<>(INDEXED);
        item.put(name, value);
        return item;
    }
}
