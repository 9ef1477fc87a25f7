package io.modyn.protocol.json;

import io.modyn.api.dynamodb.Capacity;
import io.modyn.api.dynamodb.ConsumedCapacity;
import io.modyn.api.dynamodb.ItemCollectionMetrics;
import jakarta.json.stream.JsonGenerator;
import java.util.List;
import java.util.Map;

/**
 * Writes the accounting members of item responses: ConsumedCapacity and ItemCollectionMetrics.
 * Single-item operations, Query and Scan carry one of each; the batch operations carry a list of
 * ConsumedCapacity (one per table) and ItemCollectionMetrics as a map from table to a list.
 * Members left null are left out, as DynamoDB leaves them out.
 */
final class CapacityWriter {

    private CapacityWriter() {
    }

    /** {@code "ConsumedCapacity": {...}}; nothing if null. */
    static void writeConsumedCapacity(JsonGenerator out, ConsumedCapacity consumed) {
        if (consumed == null) {
            return;
        }
        out.writeStartObject("ConsumedCapacity");
        writeConsumedMembers(out, consumed);
        out.writeEnd();
    }

    /** {@code "ConsumedCapacity": [{...}, ...]} of the batch operations; nothing if null. */
    static void writeConsumedCapacities(JsonGenerator out, List<ConsumedCapacity> consumed) {
        if (consumed == null) {
            return;
        }
        out.writeStartArray("ConsumedCapacity");
        for (ConsumedCapacity table : consumed) {
            out.writeStartObject();
            writeConsumedMembers(out, table);
            out.writeEnd();
        }
        out.writeEnd();
    }

    /** {@code "ItemCollectionMetrics": {...}}; nothing if null. */
    static void writeItemCollectionMetrics(JsonGenerator out, ItemCollectionMetrics metrics) {
        if (metrics == null) {
            return;
        }
        out.writeStartObject("ItemCollectionMetrics");
        writeMetricsMembers(out, metrics);
        out.writeEnd();
    }

    /** {@code "ItemCollectionMetrics": {"table": [{...}, ...]}} of BatchWriteItem; nothing if null. */
    static void writeItemCollectionMetricsByTable(JsonGenerator out, Map<String, List<ItemCollectionMetrics>> byTable) {
        if (byTable == null) {
            return;
        }
        out.writeStartObject("ItemCollectionMetrics");
        for (Map.Entry<String, List<ItemCollectionMetrics>> table : byTable.entrySet()) {
            out.writeStartArray(table.getKey());
            for (ItemCollectionMetrics metrics : table.getValue()) {
                out.writeStartObject();
                writeMetricsMembers(out, metrics);
                out.writeEnd();
            }
            out.writeEnd();
        }
        out.writeEnd();
    }

    private static void writeConsumedMembers(JsonGenerator out, ConsumedCapacity consumed) {
        if (consumed.tableName() != null) {
            out.write("TableName", consumed.tableName());
        }
        writeUnits(out, consumed.capacityUnits(), consumed.readCapacityUnits(), consumed.writeCapacityUnits());
        if (consumed.table() != null) {
            out.writeStartObject("Table");
            writeCapacity(out, consumed.table());
            out.writeEnd();
        }
        writeIndexes(out, "LocalSecondaryIndexes", consumed.localSecondaryIndexes());
        writeIndexes(out, "GlobalSecondaryIndexes", consumed.globalSecondaryIndexes());
    }

    private static void writeMetricsMembers(JsonGenerator out, ItemCollectionMetrics metrics) {
        AttributeValueWriter.writeMap(out, "ItemCollectionKey", metrics.itemCollectionKey());
        if (metrics.sizeEstimateRangeGB() != null) {
            out.writeStartArray("SizeEstimateRangeGB");
            for (Double size : metrics.sizeEstimateRangeGB()) {
                out.write(size.doubleValue());
            }
            out.writeEnd();
        }
    }

    private static void writeIndexes(JsonGenerator out, String name, Map<String, Capacity> indexes) {
        if (indexes == null) {
            return;
        }
        out.writeStartObject(name);
        for (Map.Entry<String, Capacity> index : indexes.entrySet()) {
            out.writeStartObject(index.getKey());
            writeCapacity(out, index.getValue());
            out.writeEnd();
        }
        out.writeEnd();
    }

    private static void writeCapacity(JsonGenerator out, Capacity capacity) {
        writeUnits(out, capacity.capacityUnits(), capacity.readCapacityUnits(), capacity.writeCapacityUnits());
    }

    private static void writeUnits(JsonGenerator out, Double total, Double read, Double write) {
        if (total != null) out.write("CapacityUnits", total);
        if (read != null) out.write("ReadCapacityUnits", read);
        if (write != null) out.write("WriteCapacityUnits", write);
    }
}
