package io.modyn.protocol.json;

import io.modyn.api.model.DynamoException;
import jakarta.json.stream.JsonGenerator;

/**
 * Writes DynamoDB's error envelope: {@code {"__type":"namespace#Name","message":"..."}}.
 * DynamoDB spells the member {@code message} in lower case and leaves it out when there is none
 * (UnknownOperationException, malformed JSON). A conditional check failure that returns the item
 * (ReturnValuesOnConditionCheckFailure=ALL_OLD) carries it as {@code Item}.
 */
public final class ErrorWriter {

    private ErrorWriter() {
    }

    public static void write(JsonGenerator out, DynamoException error) {
        out.writeStartObject();
        out.write("__type", error.type().wireType());
        if (error.getMessage() != null) {
            out.write("message", error.getMessage());
        }
        AttributeValueWriter.writeMap(out, "Item", error.item());
        out.writeEnd();
    }
}
