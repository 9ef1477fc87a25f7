package io.modyn.protocol.json;

import static io.modyn.protocol.json.CodecFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.api.dynamodb.BatchGetItemResponse;
import io.modyn.api.dynamodb.BatchWriteItemResponse;
import io.modyn.api.dynamodb.Capacity;
import io.modyn.api.dynamodb.ConsumedCapacity;
import io.modyn.api.dynamodb.ItemCollectionMetrics;
import io.modyn.api.dynamodb.KeysAndAttributes;
import io.modyn.api.dynamodb.WriteRequest;
import io.modyn.api.model.AttributeValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchResponseWriterTest {

    @Test
    void everythingProcessedStillSendsTheEmptyUnprocessedMaps() {
        assertEquals("{\"Responses\":{\"t\":[]},\"UnprocessedKeys\":{}}", write(BatchResponseWriter::batchGetItem,
                new BatchGetItemResponse(Map.of("t", List.of()), Map.of(), null)));
        assertEquals("{\"UnprocessedItems\":{}}", write(BatchResponseWriter::batchWriteItem,
                new BatchWriteItemResponse(Map.of(), null, null)));
    }

    @Test
    void batchGetItemWritesItemsPerTableAndUnprocessedKeysInTheRequestShape() {
        Map<String, List<Map<String, AttributeValue>>> responses = new LinkedHashMap<>();
        responses.put("b", List.of(Map.of("id", AttributeValue.s("1"))));
        responses.put("a", List.of(Map.of("id", AttributeValue.n(2)), Map.of("id", AttributeValue.n(3))));
        Map<String, KeysAndAttributes> unprocessed = Map.of("a", new KeysAndAttributes(List.of(Map.of("id", AttributeValue.n(4))),
                List.of("x"), true, "#p", Map.of("#p", "p")));
        List<ConsumedCapacity> consumed = List.of(new ConsumedCapacity("b", 0.5, null, null, null, null, null),
                new ConsumedCapacity("a", 1.0, 1.0, null, new Capacity(1.0, 1.0, null), null, null));

        assertEquals("{\"Responses\":{\"b\":[{\"id\":{\"S\":\"1\"}}],\"a\":[{\"id\":{\"N\":\"2\"}},{\"id\":{\"N\":\"3\"}}]},"
                        + "\"UnprocessedKeys\":{\"a\":{\"Keys\":[{\"id\":{\"N\":\"4\"}}],\"AttributesToGet\":[\"x\"],"
                        + "\"ConsistentRead\":true,\"ProjectionExpression\":\"#p\",\"ExpressionAttributeNames\":{\"#p\":\"p\"}}},"
                        + "\"ConsumedCapacity\":[{\"TableName\":\"b\",\"CapacityUnits\":0.5},"
                        + "{\"TableName\":\"a\",\"CapacityUnits\":1.0,\"ReadCapacityUnits\":1.0,"
                        + "\"Table\":{\"CapacityUnits\":1.0,\"ReadCapacityUnits\":1.0}}]}",
                write(BatchResponseWriter::batchGetItem, new BatchGetItemResponse(responses, unprocessed, consumed)));
    }

    @Test
    void batchWriteItemWritesUnprocessedRequestsMetricsPerTableAndCapacityAsAList() {
        Map<String, List<WriteRequest>> unprocessed = Map.of("t", List.of(
                new WriteRequest(Map.of("id", AttributeValue.s("1")), null), new WriteRequest(null, Map.of("id", AttributeValue.s("2")))));
        Map<String, List<ItemCollectionMetrics>> metrics = Map.of("t", List.of(
                new ItemCollectionMetrics(Map.of("id", AttributeValue.s("1")), List.of(0.0, 1.0))));
        List<ConsumedCapacity> consumed = List.of(new ConsumedCapacity("t", 2.0, null, 2.0, null,
                Map.of("lsi", new Capacity(1.0, null, 1.0)), null));

        assertEquals("{\"UnprocessedItems\":{\"t\":[{\"PutRequest\":{\"Item\":{\"id\":{\"S\":\"1\"}}}},"
                        + "{\"DeleteRequest\":{\"Key\":{\"id\":{\"S\":\"2\"}}}}]},"
                        + "\"ItemCollectionMetrics\":{\"t\":[{\"ItemCollectionKey\":{\"id\":{\"S\":\"1\"}},"
                        + "\"SizeEstimateRangeGB\":[0.0,1.0]}]},"
                        + "\"ConsumedCapacity\":[{\"TableName\":\"t\",\"CapacityUnits\":2.0,\"WriteCapacityUnits\":2.0,"
                        + "\"LocalSecondaryIndexes\":{\"lsi\":{\"CapacityUnits\":1.0,\"WriteCapacityUnits\":1.0}}}]}",
                write(BatchResponseWriter::batchWriteItem, new BatchWriteItemResponse(unprocessed, metrics, consumed)));
    }
}
