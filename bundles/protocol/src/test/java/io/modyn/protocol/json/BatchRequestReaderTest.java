package io.modyn.protocol.json;

import static io.modyn.protocol.json.CodecFixture.assertSerialization;
import static io.modyn.protocol.json.CodecFixture.assertValidation;
import static io.modyn.protocol.json.CodecFixture.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modyn.api.dynamodb.BatchGetItemRequest;
import io.modyn.api.dynamodb.BatchWriteItemRequest;
import io.modyn.api.dynamodb.KeysAndAttributes;
import io.modyn.api.dynamodb.WriteRequest;
import io.modyn.api.model.AttributeValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The batch readers. The serialization messages for nested collections are those DynamoDB sends,
 * as recorded against it by dynalite's test suite (test/batchGetItem.js, test/batchWriteItem.js and
 * their assertType helper: "ParameterizedList", "ParameterizedMap", "ValueStruct", "FieldStruct").
 */
class BatchRequestReaderTest {

    private static final String NESTED_CAST = "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl "
            + "cannot be cast to class java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl "
            + "and java.lang.Class are in module java.base of loader 'bootstrap')";
    private static final String ATTRIBUTE_MAP = "Unrecognized collection type java.util.Map<java.lang.String, "
            + "com.amazonaws.dynamodb.v20120810.AttributeValue>";

    @Test
    void batchGetItemReadsEveryTableInRequestOrder() {
        BatchGetItemRequest request = read(BatchRequestReader::batchGetItem, """
                {"RequestItems":{
                   "zeta":{"Keys":[{"id":{"S":"1"}},{"id":{"S":"2"}}],"ConsistentRead":true,
                           "ProjectionExpression":"#a, b","ExpressionAttributeNames":{"#a":"a"}},
                   "alpha":{"Keys":[{"pk":{"N":"7"},"sk":{"B":"AQ=="}}],"AttributesToGet":["x","y"],"Unknown":[1]},
                   "mid":{"Keys":[]}},
                 "ReturnConsumedCapacity":"INDEXES"}
                """);

        assertEquals(List.of("zeta", "alpha", "mid"), List.copyOf(request.requestItems().keySet()));
        assertEquals(new KeysAndAttributes(List.of(Map.of("id", AttributeValue.s("1")), Map.of("id", AttributeValue.s("2"))),
                null, true, "#a, b", Map.of("#a", "a")), request.requestItems().get("zeta"));
        KeysAndAttributes alpha = request.requestItems().get("alpha");
        assertEquals(List.of("x", "y"), alpha.attributesToGet());
        assertEquals(AttributeValue.n(7), alpha.keys().get(0).get("pk"));
        assertEquals(new KeysAndAttributes(List.of(), null, null, null, null), request.requestItems().get("mid"));
        assertEquals("INDEXES", request.returnConsumedCapacity());
    }

    @Test
    void nullTablesAndKeysAreKeptForTheEngineToReport() {
        Map<String, KeysAndAttributes> tables = read(BatchRequestReader::batchGetItem,
                "{\"RequestItems\":{\"a\":null,\"b\":{\"Keys\":[null]}}}").requestItems();
        assertEquals(Arrays.asList("a", "b"), List.copyOf(tables.keySet()));
        assertNull(tables.get("a"));
        assertEquals(Arrays.asList((Map<String, AttributeValue>) null), tables.get("b").keys());
        assertEquals(new BatchGetItemRequest(null, null), read(BatchRequestReader::batchGetItem, "{}"));
    }

    @Test
    void batchWriteItemReadsPutsAndDeletesInRequestOrder() {
        BatchWriteItemRequest request = read(BatchRequestReader::batchWriteItem, """
                {"RequestItems":{
                   "second":[{"DeleteRequest":{"Key":{"id":{"S":"1"}}}},{"PutRequest":{"Item":{"id":{"S":"2"},"v":{"N":"3"}}}}],
                   "first":[{"PutRequest":{"Item":{"id":{"S":"9"}},"Extra":true}}]},
                 "ReturnConsumedCapacity":"TOTAL","ReturnItemCollectionMetrics":"SIZE"}
                """);

        assertEquals(List.of("second", "first"), List.copyOf(request.requestItems().keySet()));
        assertEquals(List.of(new WriteRequest(null, Map.of("id", AttributeValue.s("1"))),
                        new WriteRequest(Map.of("id", AttributeValue.s("2"), "v", AttributeValue.n(3)), null)),
                request.requestItems().get("second"));
        assertEquals(List.of(new WriteRequest(Map.of("id", AttributeValue.s("9")), null)), request.requestItems().get("first"));
        assertEquals("TOTAL", request.returnConsumedCapacity());
        assertEquals("SIZE", request.returnItemCollectionMetrics());
    }

    @Test
    void writeRequestsWithBothOrNeitherOperationArePassedOnAsTheyCame() {
        BatchWriteItemRequest request = read(BatchRequestReader::batchWriteItem, """
                {"RequestItems":{"t":[{},{"PutRequest":{"Item":{"id":{"S":"1"}}},"DeleteRequest":{"Key":{"id":{"S":"2"}}}},
                                      null,{"PutRequest":{}},{"DeleteRequest":null}],
                                 "u":null}}
                """);

        assertEquals(Arrays.asList(new WriteRequest(null, null),
                        new WriteRequest(Map.of("id", AttributeValue.s("1")), Map.of("id", AttributeValue.s("2"))),
                        null, new WriteRequest(null, null), new WriteRequest(null, null)),
                request.requestItems().get("t"));
        assertEquals(List.of("t", "u"), List.copyOf(request.requestItems().keySet()));
        assertNull(request.requestItems().get("u"));
    }

    @Test
    void batchGetItemMembersOfTheWrongTypeAreRefusedLikeDynamoDb() {
        assertSerialization(BatchRequestReader::batchGetItem, "{\"RequestItems\":5}", "Unexpected field type");
        assertSerialization(BatchRequestReader::batchGetItem, "{\"RequestItems\":[]}",
                "Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.KeysAndAttributes>");
        assertSerialization(BatchRequestReader::batchGetItem, "{\"RequestItems\":{\"t\":\"x\"}}", "Unexpected value type in payload");
        assertSerialization(BatchRequestReader::batchGetItem, "{\"RequestItems\":{\"t\":[]}}",
                "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.KeysAndAttributes");
        assertSerialization(BatchRequestReader::batchGetItem, "{\"RequestItems\":{\"t\":{\"Keys\":true}}}", "Unexpected field type");
        assertSerialization(BatchRequestReader::batchGetItem, "{\"RequestItems\":{\"t\":{\"Keys\":{}}}}",
                "Start of structure or map found where not expected");
        assertSerialization(BatchRequestReader::batchGetItem, "{\"RequestItems\":{\"t\":{\"Keys\":[\"x\"]}}}", NESTED_CAST);
        assertSerialization(BatchRequestReader::batchGetItem, "{\"RequestItems\":{\"t\":{\"Keys\":[34.56]}}}", NESTED_CAST);
        assertSerialization(BatchRequestReader::batchGetItem, "{\"RequestItems\":{\"t\":{\"Keys\":[[]]}}}", ATTRIBUTE_MAP);
        assertSerialization(BatchRequestReader::batchGetItem, "{\"RequestItems\":{\"t\":{\"Keys\":[{\"a\":5}]}}}",
                "Unexpected value type in payload");
        assertSerialization(BatchRequestReader::batchGetItem, "{\"RequestItems\":{\"t\":{\"ConsistentRead\":23}}}",
                "NUMBER_VALUE cannot be converted to Boolean");
        assertSerialization(BatchRequestReader::batchGetItem, "{\"RequestItems\":{\"t\":{\"ProjectionExpression\":[]}}}",
                "Unrecognized collection type class java.lang.String");
        assertSerialization(BatchRequestReader::batchGetItem, "{\"RequestItems\":{\"t\":{\"ExpressionAttributeNames\":{\"#a\":1}}}}",
                "NUMBER_VALUE cannot be converted to String");
        assertSerialization(BatchRequestReader::batchGetItem, "{\"ReturnConsumedCapacity\":false}",
                "FALSE_VALUE cannot be converted to String");
    }

    @Test
    void batchWriteItemMembersOfTheWrongTypeAreRefusedLikeDynamoDb() {
        assertSerialization(BatchRequestReader::batchWriteItem, "{\"RequestItems\":\"x\"}", "Unexpected field type");
        assertSerialization(BatchRequestReader::batchWriteItem, "{\"RequestItems\":[]}", "Unrecognized collection type "
                + "java.util.Map<java.lang.String, java.util.List<com.amazonaws.dynamodb.v20120810.WriteRequest>>");
        assertSerialization(BatchRequestReader::batchWriteItem, "{\"RequestItems\":{\"t\":\"23\"}}", NESTED_CAST);
        assertSerialization(BatchRequestReader::batchWriteItem, "{\"RequestItems\":{\"t\":2147483648}}", NESTED_CAST);
        assertSerialization(BatchRequestReader::batchWriteItem, "{\"RequestItems\":{\"t\":{}}}",
                "Start of structure or map found where not expected");
        assertSerialization(BatchRequestReader::batchWriteItem, "{\"RequestItems\":{\"t\":[true]}}", "Unexpected value type in payload");
        assertSerialization(BatchRequestReader::batchWriteItem, "{\"RequestItems\":{\"t\":[[]]}}",
                "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.WriteRequest");
        assertSerialization(BatchRequestReader::batchWriteItem, "{\"RequestItems\":{\"t\":[{\"PutRequest\":5}]}}", "Unexpected field type");
        assertSerialization(BatchRequestReader::batchWriteItem, "{\"RequestItems\":{\"t\":[{\"PutRequest\":[]}]}}",
                "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.PutRequest");
        assertSerialization(BatchRequestReader::batchWriteItem, "{\"RequestItems\":{\"t\":[{\"DeleteRequest\":[]}]}}",
                "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.DeleteRequest");
        assertSerialization(BatchRequestReader::batchWriteItem, "{\"RequestItems\":{\"t\":[{\"DeleteRequest\":{\"Key\":[]}}]}}",
                ATTRIBUTE_MAP);
        assertSerialization(BatchRequestReader::batchWriteItem, "{\"RequestItems\":{\"t\":[{\"PutRequest\":{\"Item\":\"x\"}}]}}",
                "Unexpected field type");
        assertSerialization(BatchRequestReader::batchWriteItem, "{\"ReturnItemCollectionMetrics\":1}",
                "NUMBER_VALUE cannot be converted to String");
    }

    @Test
    void attributeValuesInsideBatchesAreCheckedLikeAnyOther() {
        assertValidation(BatchRequestReader::batchWriteItem, "{\"RequestItems\":{\"abc\":[{\"PutRequest\":{\"Item\":{\"a\":{}}}}]}}",
                "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        assertValidation(BatchRequestReader::batchGetItem, "{\"RequestItems\":{\"abc\":{\"Keys\":[{\"a\":{\"S\":\"a\",\"N\":\"1\"}}]}}}",
                "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
    }
}
