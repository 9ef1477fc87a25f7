package io.modyn.protocol.json;

import static io.modyn.protocol.json.CodecFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.api.dynamodb.ConsumedCapacity;
import io.modyn.api.dynamodb.ItemCollectionMetrics;
import io.modyn.api.dynamodb.TransactGetItemsResponse;
import io.modyn.api.dynamodb.TransactWriteItemsResponse;
import io.modyn.api.model.AttributeValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransactResponseWriterTest {

    @Test
    void transactWriteItemsWritesOnlyWhatWasAskedFor() {
        assertEquals("{}", write(TransactResponseWriter::transactWriteItems, new TransactWriteItemsResponse(null, null)));
        ConsumedCapacity consumed = new ConsumedCapacity("t", 4.0, null, 4.0, null, null, null);
        ItemCollectionMetrics metrics = new ItemCollectionMetrics(Map.of("pk", AttributeValue.s("p")), List.of(0.0, 1.0));
        assertEquals("{\"ConsumedCapacity\":[{\"TableName\":\"t\",\"CapacityUnits\":4.0,\"WriteCapacityUnits\":4.0}],"
                        + "\"ItemCollectionMetrics\":{\"t\":[{\"ItemCollectionKey\":{\"pk\":{\"S\":\"p\"}},\"SizeEstimateRangeGB\":[0.0,1.0]}]}}",
                write(TransactResponseWriter::transactWriteItems,
                        new TransactWriteItemsResponse(List.of(consumed), Map.of("t", List.of(metrics)))));
    }

    @Test
    void transactGetItemsAnswersOneResponsePerGetWithAnEmptyObjectForAMissingItem() {
        TransactGetItemsResponse response = new TransactGetItemsResponse(
                Arrays.asList(Map.of("id", AttributeValue.s("a")), null, Map.of()),
                List.of(new ConsumedCapacity("t", 6.0, 6.0, null, null, null, null)));
        assertEquals("{\"ConsumedCapacity\":[{\"TableName\":\"t\",\"CapacityUnits\":6.0,\"ReadCapacityUnits\":6.0}],"
                        + "\"Responses\":[{\"Item\":{\"id\":{\"S\":\"a\"}}},{},{\"Item\":{}}]}",
                write(TransactResponseWriter::transactGetItems, response));
    }
}
