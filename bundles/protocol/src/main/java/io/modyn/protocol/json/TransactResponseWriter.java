package io.modyn.protocol.json;

import io.modyn.api.dynamodb.TransactGetItemsResponse;
import io.modyn.api.dynamodb.TransactWriteItemsResponse;
import io.modyn.api.model.AttributeValue;
import jakarta.json.stream.JsonGenerator;
import java.util.Map;

/**
 * Writes the transaction responses. TransactWriteItems carries only what was asked for
 * (ConsumedCapacity per table, ItemCollectionMetrics by table), so it is often {@code {}}.
 * TransactGetItems answers one ItemResponse per Get in request order: {@code {"Item":{...}}}, or
 * {@code {}} for an item that does not exist.
 */
public final class TransactResponseWriter {

    private TransactResponseWriter() {
    }

    public static void transactWriteItems(JsonGenerator out, TransactWriteItemsResponse response) {
        out.writeStartObject();
        CapacityWriter.writeConsumedCapacities(out, response.consumedCapacity());
        CapacityWriter.writeItemCollectionMetricsByTable(out, response.itemCollectionMetrics());
        out.writeEnd();
    }

    public static void transactGetItems(JsonGenerator out, TransactGetItemsResponse response) {
        out.writeStartObject();
        CapacityWriter.writeConsumedCapacities(out, response.consumedCapacity());
        if (response.responses() != null) {
            out.writeStartArray("Responses");
            for (Map<String, AttributeValue> item : response.responses()) {
                out.writeStartObject();
                AttributeValueWriter.writeMap(out, "Item", item);
                out.writeEnd();
            }
            out.writeEnd();
        }
        out.writeEnd();
    }
}
