package io.modyn.protocol.json;

import io.modyn.api.dynamodb.DeleteItemResponse;
import io.modyn.api.dynamodb.GetItemResponse;
import io.modyn.api.dynamodb.PutItemResponse;
import io.modyn.api.dynamodb.QueryResponse;
import io.modyn.api.dynamodb.ScanResponse;
import io.modyn.api.dynamodb.UpdateItemResponse;
import jakarta.json.stream.JsonGenerator;

/** Writes the item responses. Null members are left out, as DynamoDB leaves them out. */
public final class ItemResponseWriter {

    private ItemResponseWriter() {
    }

    public static void putItem(JsonGenerator out, PutItemResponse response) {
        out.writeStartObject();
        AttributeValueWriter.writeMap(out, "Attributes", response.attributes());
        CapacityWriter.writeConsumedCapacity(out, response.consumedCapacity());
        CapacityWriter.writeItemCollectionMetrics(out, response.itemCollectionMetrics());
        out.writeEnd();
    }

    public static void getItem(JsonGenerator out, GetItemResponse response) {
        out.writeStartObject();
        AttributeValueWriter.writeMap(out, "Item", response.item());
        CapacityWriter.writeConsumedCapacity(out, response.consumedCapacity());
        out.writeEnd();
    }

    public static void updateItem(JsonGenerator out, UpdateItemResponse response) {
        out.writeStartObject();
        AttributeValueWriter.writeMap(out, "Attributes", response.attributes());
        CapacityWriter.writeConsumedCapacity(out, response.consumedCapacity());
        CapacityWriter.writeItemCollectionMetrics(out, response.itemCollectionMetrics());
        out.writeEnd();
    }

    public static void deleteItem(JsonGenerator out, DeleteItemResponse response) {
        out.writeStartObject();
        AttributeValueWriter.writeMap(out, "Attributes", response.attributes());
        CapacityWriter.writeConsumedCapacity(out, response.consumedCapacity());
        CapacityWriter.writeItemCollectionMetrics(out, response.itemCollectionMetrics());
        out.writeEnd();
    }

    public static void query(JsonGenerator out, QueryResponse response) {
        out.writeStartObject();
        AttributeValueWriter.writeMaps(out, "Items", response.items());
        out.write("Count", response.count());
        out.write("ScannedCount", response.scannedCount());
        AttributeValueWriter.writeMap(out, "LastEvaluatedKey", response.lastEvaluatedKey());
        CapacityWriter.writeConsumedCapacity(out, response.consumedCapacity());
        out.writeEnd();
    }

    public static void scan(JsonGenerator out, ScanResponse response) {
        out.writeStartObject();
        AttributeValueWriter.writeMaps(out, "Items", response.items());
        out.write("Count", response.count());
        out.write("ScannedCount", response.scannedCount());
        AttributeValueWriter.writeMap(out, "LastEvaluatedKey", response.lastEvaluatedKey());
        CapacityWriter.writeConsumedCapacity(out, response.consumedCapacity());
        out.writeEnd();
    }
}
