package io.modyn.protocol.json;

import io.modyn.api.dynamodb.Capacity;
import io.modyn.api.dynamodb.ConsumedCapacity;
import io.modyn.api.dynamodb.ItemCollectionMetrics;
import jakarta.json.stream.JsonGenerator;
import java.util.Map;

/** Writes the accounting members of item responses: ConsumedCapacity and ItemCollectionMetrics. */
final class CapacityWriter {

    private CapacityWriter() {
    }

    static void writeConsumedCapacity(JsonGenerator out, ConsumedCapacity consumed) {
        if (consumed == null) {
            return;
        }
        out.writeStartObject("ConsumedCapacity");
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
        out.writeEnd();
    }

    static void writeItemCollectionMetrics(JsonGenerator out, ItemCollectionMetrics metrics) {
        if (metrics == null) {
            return;
        }
        out.writeStartObject("ItemCollectionMetrics");
        AttributeValueWriter.writeMap(out, "ItemCollectionKey", metrics.itemCollectionKey());
        if (metrics.sizeEstimateRangeGB() != null) {
            out.writeStartArray("SizeEstimateRangeGB");
            for (Double size : metrics.sizeEstimateRangeGB()) {
                out.write(size.doubleValue());
            }
            out.writeEnd();
        }
        out.writeEnd();
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
