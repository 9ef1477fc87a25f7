package io.modyn.protocol.json;

import io.modyn.api.dynamodb.BatchExecuteStatementResponse;
import io.modyn.api.dynamodb.BatchStatementResponse;
import io.modyn.api.dynamodb.ExecuteStatementResponse;
import io.modyn.api.dynamodb.ExecuteTransactionResponse;
import io.modyn.api.model.AttributeValue;
import jakarta.json.stream.JsonGenerator;
import java.util.Map;

/**
 * Writes the PartiQL responses. ExecuteStatement always carries {@code Items} (empty for a write);
 * BatchExecuteStatement one entry per statement ({@code Error} with Code and Message, or the
 * {@code Item}); ExecuteTransaction one ItemResponse per read, {@code {}} for a missing item.
 */
public final class PartiqlResponseWriter {

    private PartiqlResponseWriter() {
    }

    public static void executeStatement(JsonGenerator out, ExecuteStatementResponse response) {
        out.writeStartObject();
        AttributeValueWriter.writeMaps(out, "Items", response.items());
        if (response.nextToken() != null) out.write("NextToken", response.nextToken());
        CapacityWriter.writeConsumedCapacity(out, response.consumedCapacity());
        AttributeValueWriter.writeMap(out, "LastEvaluatedKey", response.lastEvaluatedKey());
        out.writeEnd();
    }

    public static void batchExecuteStatement(JsonGenerator out, BatchExecuteStatementResponse response) {
        out.writeStartObject();
        out.writeStartArray("Responses");
        for (BatchStatementResponse statement : response.responses()) {
            out.writeStartObject();
            if (statement.error() != null) {
                out.writeStartObject("Error");
                out.write("Code", statement.error().code());
                if (statement.error().message() != null) out.write("Message", statement.error().message());
                AttributeValueWriter.writeMap(out, "Item", statement.error().item());
                out.writeEnd();
            }
            if (statement.tableName() != null) out.write("TableName", statement.tableName());
            AttributeValueWriter.writeMap(out, "Item", statement.item());
            out.writeEnd();
        }
        out.writeEnd();
        CapacityWriter.writeConsumedCapacities(out, response.consumedCapacity());
        out.writeEnd();
    }

    public static void executeTransaction(JsonGenerator out, ExecuteTransactionResponse response) {
        out.writeStartObject();
        if (response.responses() != null) {
            out.writeStartArray("Responses");
            for (Map<String, AttributeValue> item : response.responses()) {
                out.writeStartObject();
                AttributeValueWriter.writeMap(out, "Item", item);
                out.writeEnd();
            }
            out.writeEnd();
        }
        CapacityWriter.writeConsumedCapacities(out, response.consumedCapacity());
        out.writeEnd();
    }
}
