package io.modyn.engine.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modyn.api.dynamodb.ConsumedCapacity;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.IndexProjection;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.SecondaryIndex;
import io.modyn.api.model.TableDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ConsumedCapacity member of writes to tables with indexes, in TOTAL and INDEXES modes. */
class CapacityUnitsTest {

    private static final TableDefinition TABLE = TableDefinition.builder().tableName("things").tableId("t")
            .keySchema(List.of(new KeySchemaElement("pk", "HASH")))
            .attributeDefinitions(List.of(new AttributeDefinition("pk", "S"), new AttributeDefinition("g", "S")))
            .globalSecondaryIndexes(List.of(new SecondaryIndex("byG", "i", List.of(new KeySchemaElement("g", "HASH")),
                    new IndexProjection("KEYS_ONLY", null), null, "ACTIVE", false)))
            .build();

    @Test
    void indexesModeReportsTheTableAndEachTouchedIndex() {
        ConsumedCapacity capacity = CapacityUnits.reportWrite("INDEXES", TABLE, 1, null,
                Map.of("pk", AttributeValue.s("a"), "g", AttributeValue.s("x")));
        assertEquals(2.0, capacity.capacityUnits());
        assertEquals(1.0, capacity.table().capacityUnits());
        assertEquals(1.0, capacity.globalSecondaryIndexes().get("byG").capacityUnits());
        assertNull(capacity.localSecondaryIndexes());
    }

    @Test
    void totalModeCountsIndexesWithoutBreakdown() {
        ConsumedCapacity capacity = CapacityUnits.reportWrite("TOTAL", TABLE, 1, Map.of("pk", AttributeValue.s("a"), "g", AttributeValue.s("x")),
                null);
        assertEquals(2.0, capacity.capacityUnits());
        assertNull(capacity.table());
        assertNull(capacity.globalSecondaryIndexes());
    }

    @Test
    void writesOutsideEveryIndexReportTheTableAlone() {
        ConsumedCapacity capacity = CapacityUnits.reportWrite("INDEXES", TABLE, 1, null, Map.of("pk", AttributeValue.s("a")));
        assertEquals(1.0, capacity.capacityUnits());
        assertNull(capacity.globalSecondaryIndexes());
        assertNull(CapacityUnits.reportWrite("NONE", TABLE, 1, null, Map.of("pk", AttributeValue.s("a"))));
    }
}
