package io.modyn.protocol.json;

import io.modyn.api.dynamodb.BatchGetItemResponse;
import io.modyn.api.dynamodb.BatchWriteItemResponse;
import io.modyn.api.dynamodb.KeysAndAttributes;
import io.modyn.api.dynamodb.WriteRequest;
import io.modyn.api.model.AttributeValue;
import jakarta.json.stream.JsonGenerator;
import java.util.List;
import java.util.Map;

/**
 * Writes the batch responses. DynamoDB always sends {@code UnprocessedKeys} and
 * {@code UnprocessedItems}, as an empty object when everything was done, and clients resubmit them
 * as they are: unprocessed entries are written in the request's own shape, with every member the
 * table's request carried (ConsistentRead, ProjectionExpression, ...). Null members are left out.
 */
public final class BatchResponseWriter {

    private BatchResponseWriter() {
    }

    public static void batchGetItem(JsonGenerator out, BatchGetItemResponse response) {
        out.writeStartObject();
        if (response.responses() != null) {
            out.writeStartObject("Responses");
            for (Map.Entry<String, List<Map<String, AttributeValue>>> table : response.responses().entrySet()) {
                AttributeValueWriter.writeMaps(out, table.getKey(), table.getValue());
            }
            out.writeEnd();
        }
        if (response.unprocessedKeys() != null) {
            out.writeStartObject("UnprocessedKeys");
            for (Map.Entry<String, KeysAndAttributes> table : response.unprocessedKeys().entrySet()) {
                out.writeStartObject(table.getKey());
                writeKeysAndAttributes(out, table.getValue());
                out.writeEnd();
            }
            out.writeEnd();
        }
        CapacityWriter.writeConsumedCapacities(out, response.consumedCapacity());
        out.writeEnd();
    }

    public static void batchWriteItem(JsonGenerator out, BatchWriteItemResponse response) {
        out.writeStartObject();
        if (response.unprocessedItems() != null) {
            out.writeStartObject("UnprocessedItems");
            for (Map.Entry<String, List<WriteRequest>> table : response.unprocessedItems().entrySet()) {
                out.writeStartArray(table.getKey());
                table.getValue().forEach(request -> writeWriteRequest(out, request));
                out.writeEnd();
            }
            out.writeEnd();
        }
        CapacityWriter.writeItemCollectionMetricsByTable(out, response.itemCollectionMetrics());
        CapacityWriter.writeConsumedCapacities(out, response.consumedCapacity());
        out.writeEnd();
    }

    private static void writeKeysAndAttributes(JsonGenerator out, KeysAndAttributes keys) {
        AttributeValueWriter.writeMaps(out, "Keys", keys.keys());
        if (keys.attributesToGet() != null) {
            out.writeStartArray("AttributesToGet");
            keys.attributesToGet().forEach(out::write);
            out.writeEnd();
        }
        if (keys.consistentRead() != null) {
            out.write("ConsistentRead", keys.consistentRead());
        }
        if (keys.projectionExpression() != null) {
            out.write("ProjectionExpression", keys.projectionExpression());
        }
        if (keys.expressionAttributeNames() != null) {
            out.writeStartObject("ExpressionAttributeNames");
            keys.expressionAttributeNames().forEach(out::write);
            out.writeEnd();
        }
    }

    private static void writeWriteRequest(JsonGenerator out, WriteRequest request) {
        out.writeStartObject();
        if (request.putItem() != null) {
            out.writeStartObject("PutRequest");
            AttributeValueWriter.writeMap(out, "Item", request.putItem());
            out.writeEnd();
        }
        if (request.deleteKey() != null) {
            out.writeStartObject("DeleteRequest");
            AttributeValueWriter.writeMap(out, "Key", request.deleteKey());
            out.writeEnd();
        }
        out.writeEnd();
    }
}
