package io.modyn.protocol.json;

import io.modyn.api.model.CancellationReason;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.TransactionCanceledException;
import jakarta.json.stream.JsonGenerator;

/**
 * Writes DynamoDB's error envelope: {@code {"__type":"namespace#Name","message":"..."}}.
 * DynamoDB spells the member {@code message} in lower case and leaves it out when there is none
 * (UnknownOperationException, malformed JSON). A SerializationException comes from the service
 * framework's request reader rather than from DynamoDB, and that framework spells it
 * {@code Message} ({@code "NUMBER_VALUE cannot be converted to String"}). A conditional check
 * failure that returns the item (ReturnValuesOnConditionCheckFailure=ALL_OLD) carries it as
 * {@code Item}.
 *
 * <p>A cancelled transaction is the exception: DynamoDB sends {@code CancellationReasons}, one
 * {@code {"Code", "Item", "Message"}} per action in request order (Item and Message only when
 * set), and spells its own message {@code Message}. The AWS SDKs read either spelling; the SDK for
 * Java v2 fills {@code TransactionCanceledException.cancellationReasons()} from the list.
 */
public final class ErrorWriter {

    private ErrorWriter() {
    }

    public static void write(JsonGenerator out, DynamoException error) {
        out.writeStartObject();
        out.write("__type", error.type().wireType());
        if (error instanceof TransactionCanceledException cancelled) {
            writeCancellationReasons(out, cancelled);
            out.write("Message", cancelled.getMessage());
        } else {
            if (error.getMessage() != null) {
                out.write(error.type() == ErrorType.SERIALIZATION ? "Message" : "message", error.getMessage());
            }
            AttributeValueWriter.writeMap(out, "Item", error.item());
        }
        out.writeEnd();
    }

    private static void writeCancellationReasons(JsonGenerator out, TransactionCanceledException cancelled) {
        out.writeStartArray("CancellationReasons");
        for (CancellationReason reason : cancelled.reasons()) {
            out.writeStartObject();
            out.write("Code", reason.code());
            AttributeValueWriter.writeMap(out, "Item", reason.item());
            if (reason.message() != null) {
                out.write("Message", reason.message());
            }
            out.writeEnd();
        }
        out.writeEnd();
    }
}
