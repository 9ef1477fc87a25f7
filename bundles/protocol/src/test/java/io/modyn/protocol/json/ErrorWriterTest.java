package io.modyn.protocol.json;

import static io.modyn.protocol.json.CodecFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.CancellationReason;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.TransactionCanceledException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorWriterTest {

    @Test
    void aCancelledTransactionListsItsReasonsInRequestOrderWithCapitalisedMessage() {
        TransactionCanceledException error = new TransactionCanceledException(List.of(
                new CancellationReason("None", null, null),
                new CancellationReason("ConditionalCheckFailed", "The conditional request failed", Map.of("id", AttributeValue.s("b"))),
                new CancellationReason("TransactionConflict", "Transaction is ongoing for the item", null)));

        assertEquals("{\"__type\":\"com.amazonaws.dynamodb.v20120810#TransactionCanceledException\",\"CancellationReasons\":["
                        + "{\"Code\":\"None\"},"
                        + "{\"Code\":\"ConditionalCheckFailed\",\"Item\":{\"id\":{\"S\":\"b\"}},\"Message\":\"The conditional request failed\"},"
                        + "{\"Code\":\"TransactionConflict\",\"Message\":\"Transaction is ongoing for the item\"}],"
                        + "\"Message\":\"Transaction cancelled, please refer cancellation reasons for specific reasons "
                        + "[None, ConditionalCheckFailed, TransactionConflict]\"}",
                write(ErrorWriter::write, error));
    }

    @Test
    void aSerializationExceptionSpellsItsMessageAsTheServiceFrameworkDoes() {
        assertEquals("{\"__type\":\"com.amazon.coral.service#SerializationException\",\"Message\":\"NUMBER_VALUE cannot be converted to String\"}",
                write(ErrorWriter::write, DynamoException.serialization("NUMBER_VALUE cannot be converted to String")));
    }

    @Test
    void dynamoDbsOwnErrorsSpellItInLowerCase() {
        assertEquals("{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"bad\"}",
                write(ErrorWriter::write, DynamoException.validation("bad")));
    }
}
