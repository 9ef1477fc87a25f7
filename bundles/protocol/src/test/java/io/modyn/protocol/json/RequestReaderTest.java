package io.modyn.protocol.json;

import static io.modyn.protocol.json.CodecFixture.assertSerialization;
import static io.modyn.protocol.json.CodecFixture.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.dynamodb.AttributeValueUpdate;
import io.modyn.api.dynamodb.Condition;
import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.DeleteItemRequest;
import io.modyn.api.dynamodb.ExpectedAttributeValue;
import io.modyn.api.dynamodb.GetItemRequest;
import io.modyn.api.dynamodb.ListTablesRequest;
import io.modyn.api.dynamodb.QueryRequest;
import io.modyn.api.dynamodb.ScanRequest;
import io.modyn.api.dynamodb.UpdateItemRequest;
import io.modyn.api.dynamodb.UpdateTableRequest;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.ProvisionedThroughput;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestReaderTest {

    @Test
    void createTableReadsEveryModelledMemberAndSkipsTheRest() {
        CreateTableRequest request = read(TableRequestReader::createTable, """
                {"TableName":"Music",
                 "AttributeDefinitions":[{"AttributeName":"Artist","AttributeType":"S"},{"AttributeName":"Song","AttributeType":"S"}],
                 "KeySchema":[{"AttributeName":"Artist","KeyType":"HASH"},{"AttributeName":"Song","KeyType":"RANGE"}],
                 "SSESpecification":{"Enabled":true,"SSEType":"KMS"},
                 "OnDemandThroughput":{"MaxReadRequestUnits":[1]},
                 "BillingMode":"PROVISIONED",
                 "ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":10}}
                """);

        assertEquals("Music", request.tableName());
        assertEquals(List.of(new AttributeDefinition("Artist", "S"), new AttributeDefinition("Song", "S")),
                request.attributeDefinitions());
        assertEquals(List.of(new KeySchemaElement("Artist", "HASH"), new KeySchemaElement("Song", "RANGE")), request.keySchema());
        assertEquals("PROVISIONED", request.billingMode());
        assertEquals(new ProvisionedThroughput(5L, 10L), request.provisionedThroughput());
    }

    @Test
    void absentAndNullMembersAreNull() {
        CreateTableRequest request = read(TableRequestReader::createTable, "{\"TableName\":null,\"KeySchema\":null}");
        assertEquals(new CreateTableRequest(null, null, null, null, null), request);
    }

    @Test
    void nullListElementsAreKeptForTheEngineToReport() {
        CreateTableRequest request = read(TableRequestReader::createTable, "{\"KeySchema\":[null,{}]}");
        assertEquals(Arrays.asList(null, new KeySchemaElement(null, null)), request.keySchema());
    }

    @Test
    void createAndUpdateTableReadTheSseSpecification() {
        CreateTableRequest create = read(TableRequestReader::createTable,
                "{\"TableName\":\"t\",\"SSESpecification\":{\"Enabled\":true,\"SSEType\":\"KMS\",\"KMSMasterKeyId\":\"alias/k\"}}");
        assertEquals(new io.modyn.api.model.SseSpecification(true, "KMS", "alias/k"), create.sseSpecification());
        UpdateTableRequest update = read(TableRequestReader::updateTable, "{\"TableName\":\"t\",\"SSESpecification\":{\"Enabled\":false}}");
        assertEquals(new io.modyn.api.model.SseSpecification(false, null, null), update.sseSpecification());
        assertEquals(null, read(TableRequestReader::createTable, "{\"TableName\":\"t\"}").sseSpecification());
    }

    @Test
    void updateTableReadsBillingAndThroughput() {
        UpdateTableRequest request = read(TableRequestReader::updateTable,
                "{\"TableName\":\"t\",\"BillingMode\":\"PAY_PER_REQUEST\",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":1}}");
        assertEquals(new UpdateTableRequest("t", null, "PAY_PER_REQUEST", new ProvisionedThroughput(1L, null)), request);
    }

    @Test
    void integerMembersTruncateFractionsAndRefuseNumbersBeyondTheirRange() {
        assertEquals(new ListTablesRequest("a", 5), read(TableRequestReader::listTables, "{\"ExclusiveStartTableName\":\"a\",\"Limit\":5.9}"));
        assertEquals(0, read(TableRequestReader::listTables, "{\"Limit\":1E-999999999}").limit());
        assertSerialization(TableRequestReader::listTables, "{\"Limit\":99999999999}", "NUMBER_VALUE cannot be converted to Integer");
        assertSerialization(TableRequestReader::listTables, "{\"Limit\":-1E999999999}", "DECIMAL_VALUE cannot be converted to Integer");
        assertSerialization(TableRequestReader::createTable, "{\"ProvisionedThroughput\":{\"ReadCapacityUnits\":1E30}}",
                "DECIMAL_VALUE cannot be converted to Long");
    }

    @Test
    void scalarMembersOfTheWrongTypeAreRefusedWithTheTokenName() {
        assertSerialization(TableRequestReader::describeTable, "{\"TableName\":5}", "NUMBER_VALUE cannot be converted to String");
        assertSerialization(TableRequestReader::describeTable, "{\"TableName\":5.5}", "DECIMAL_VALUE cannot be converted to String");
        assertSerialization(TableRequestReader::describeTable, "{\"TableName\":1e3}", "DECIMAL_VALUE cannot be converted to String");
        assertSerialization(TableRequestReader::describeTable, "{\"TableName\":true}", "TRUE_VALUE cannot be converted to String");
        assertSerialization(TableRequestReader::describeTable, "{\"TableName\":false}", "FALSE_VALUE cannot be converted to String");
        assertSerialization(TableRequestReader::describeTable, "{\"TableName\":{}}", "Start of structure or map found where not expected");
        assertSerialization(TableRequestReader::describeTable, "{\"TableName\":[]}", "Unrecognized collection type class java.lang.String");
        assertSerialization(TableRequestReader::listTables, "{\"Limit\":\"5\"}", "STRING_VALUE cannot be converted to Integer");
        assertSerialization(TableRequestReader::listTables, "{\"Limit\":false}", "FALSE_VALUE cannot be converted to Integer");
        assertSerialization(TableRequestReader::listTables, "{\"Limit\":[]}", "Unrecognized collection type class java.lang.Integer");
        assertSerialization(TableRequestReader::createTable, "{\"ProvisionedThroughput\":{\"ReadCapacityUnits\":\"5\"}}",
                "STRING_VALUE cannot be converted to Long");
        assertSerialization(QueryScanRequestReader::scan, "{\"ConsistentRead\":0}", "NUMBER_VALUE cannot be converted to Boolean");
        assertSerialization(QueryScanRequestReader::scan, "{\"ConsistentRead\":[]}", "Unrecognized collection type class java.lang.Boolean");
    }

    @Test
    void structuredMembersOfTheWrongTypeAreRefusedByWhereTheySit() {
        assertSerialization(TableRequestReader::createTable, "{\"KeySchema\":\"a\"}", "Unexpected field type");
        assertSerialization(TableRequestReader::createTable, "{\"KeySchema\":{}}", "Start of structure or map found where not expected");
        assertSerialization(TableRequestReader::createTable, "{\"KeySchema\":[5]}", "Unexpected value type in payload");
        assertSerialization(TableRequestReader::createTable, "{\"KeySchema\":[[]]}",
                "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.KeySchemaElement");
        assertSerialization(TableRequestReader::createTable, "{\"ProvisionedThroughput\":\"a\"}", "Unexpected field type");
        assertSerialization(TableRequestReader::createTable, "{\"ProvisionedThroughput\":[]}",
                "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.ProvisionedThroughput");
        assertSerialization(ItemRequestReader::getItem, "{\"ExpressionAttributeNames\":5}", "Unexpected field type");
        assertSerialization(ItemRequestReader::getItem, "{\"ExpressionAttributeNames\":[]}",
                "Unrecognized collection type java.util.Map<java.lang.String, java.lang.String>");
        assertSerialization(QueryScanRequestReader::query, "{\"KeyConditions\":[]}",
                "Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.Condition>");
        assertSerialization(QueryScanRequestReader::query, "{\"KeyConditions\":{\"a\":1}}", "Unexpected value type in payload");
        assertSerialization(ItemRequestReader::putItem, "{\"Expected\":{\"a\":{\"Value\":1}}}", "Unexpected field type");
    }

    @Test
    void theFirstBadMemberInBodyOrderIsReported() {
        assertSerialization(QueryScanRequestReader::scan, "{\"Limit\":\"5\",\"IndexName\":5}", "STRING_VALUE cannot be converted to Integer");
        assertSerialization(QueryScanRequestReader::scan, "{\"IndexName\":5,\"Limit\":\"5\"}", "NUMBER_VALUE cannot be converted to String");
    }

    @Test
    void malformedJsonIsASerializationErrorWithoutMessage() {
        assertSerialization(TableRequestReader::listTables, "{\"Limit\":", null);
        assertSerialization(TableRequestReader::listTables, "{\"Limit\":1}}", null);
        assertSerialization(TableRequestReader::listTables, "{\"Limit\":1} {}", null);
        assertSerialization(TableRequestReader::listTables, "[]", null);
        assertSerialization(TableRequestReader::listTables, "\"text\"", null);
        assertSerialization(TableRequestReader::listTables, "{'Limit':1}", null);
        assertSerialization(TableRequestReader::listTables, "", null);
    }

    @Test
    void getItemReadsProjectionAndConsistency() {
        GetItemRequest request = read(ItemRequestReader::getItem, """
                {"TableName":"t","Key":{"id":{"S":"1"}},"ConsistentRead":true,"ProjectionExpression":"#a",
                 "ExpressionAttributeNames":{"#a":"a"},"AttributesToGet":["a","b"],"ReturnConsumedCapacity":"TOTAL"}
                """);
        assertEquals(new GetItemRequest("t", Map.of("id", AttributeValue.s("1")), true, "#a", Map.of("#a", "a"),
                List.of("a", "b"), "TOTAL"), request);
    }

    @Test
    void deleteItemReadsConditionsAndLegacyExpected() {
        DeleteItemRequest request = read(ItemRequestReader::deleteItem, """
                {"TableName":"t","Key":{"id":{"N":"1"}},"ConditionExpression":"attribute_exists(#a) AND x = :v",
                 "ExpressionAttributeNames":{"#a":"a"},"ExpressionAttributeValues":{":v":{"S":"v"}},
                 "Expected":{"a":{"Value":{"S":"x"},"Exists":true},"b":{"ComparisonOperator":"IN","AttributeValueList":[{"N":"1"},{"N":"2"}]}},
                 "ConditionalOperator":"OR","ReturnValues":"ALL_OLD","ReturnConsumedCapacity":"TOTAL",
                 "ReturnItemCollectionMetrics":"SIZE","ReturnValuesOnConditionCheckFailure":"ALL_OLD"}
                """);
        assertEquals("t", request.tableName());
        assertEquals(Map.of("id", AttributeValue.n(1)), request.key());
        assertEquals("attribute_exists(#a) AND x = :v", request.conditionExpression());
        assertEquals(Map.of(":v", AttributeValue.s("v")), request.expressionAttributeValues());
        assertEquals(new ExpectedAttributeValue(AttributeValue.s("x"), true, null, null), request.expected().get("a"));
        assertEquals(new ExpectedAttributeValue(null, null, "IN", List.of(AttributeValue.n(1), AttributeValue.n(2))),
                request.expected().get("b"));
        assertEquals(List.of("OR", "ALL_OLD", "TOTAL", "SIZE", "ALL_OLD"), List.of(request.conditionalOperator(),
                request.returnValues(), request.returnConsumedCapacity(), request.returnItemCollectionMetrics(),
                request.returnValuesOnConditionCheckFailure()));
    }

    @Test
    void updateItemReadsExpressionsAndLegacyAttributeUpdatesInRequestOrder() {
        UpdateItemRequest request = read(ItemRequestReader::updateItem, """
                {"TableName":"t","Key":{"id":{"S":"1"}},
                 "AttributeUpdates":{"z":{"Value":{"N":"1"},"Action":"ADD"},"a":{"Action":"DELETE"},"m":{"Value":{"SS":["x"]}}},
                 "UpdateExpression":"SET #a = :v","ConditionExpression":"attribute_exists(id)",
                 "ExpressionAttributeNames":{"#a":"a"},"ExpressionAttributeValues":{":v":{"BOOL":false}},
                 "Expected":{"id":{"Exists":true,"Value":{"S":"1"}}},"ConditionalOperator":"AND","ReturnValues":"UPDATED_NEW",
                 "ReturnConsumedCapacity":"INDEXES","ReturnItemCollectionMetrics":"NONE","ReturnValuesOnConditionCheckFailure":"NONE"}
                """);

        assertEquals(new UpdateItemRequest("t", Map.of("id", AttributeValue.s("1")),
                Map.of("z", new AttributeValueUpdate(AttributeValue.n(1), "ADD"), "a", new AttributeValueUpdate(null, "DELETE"),
                        "m", new AttributeValueUpdate(new AttributeValue.SS(List.of("x")), null)),
                Map.of("id", new ExpectedAttributeValue(AttributeValue.s("1"), true, null, null)), "AND", "UPDATED_NEW",
                "INDEXES", "NONE", "SET #a = :v", "attribute_exists(id)", Map.of("#a", "a"),
                Map.of(":v", AttributeValue.bool(false)), "NONE"), request);
        assertEquals(List.of("z", "a", "m"), List.copyOf(request.attributeUpdates().keySet()));
    }

    @Test
    void updateItemMembersOfTheWrongTypeAreRefusedLikeDynamoDb() {
        assertSerialization(ItemRequestReader::updateItem, "{\"AttributeUpdates\":[]}",
                "Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValueUpdate>");
        assertSerialization(ItemRequestReader::updateItem, "{\"AttributeUpdates\":true}", "Unexpected field type");
        assertSerialization(ItemRequestReader::updateItem, "{\"AttributeUpdates\":{\"a\":5}}", "Unexpected value type in payload");
        assertSerialization(ItemRequestReader::updateItem, "{\"AttributeUpdates\":{\"a\":[]}}",
                "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValueUpdate");
        assertSerialization(ItemRequestReader::updateItem, "{\"AttributeUpdates\":{\"a\":{\"Action\":5}}}",
                "NUMBER_VALUE cannot be converted to String");
        assertSerialization(ItemRequestReader::updateItem, "{\"AttributeUpdates\":{\"a\":{\"Value\":\"x\"}}}", "Unexpected field type");
        assertSerialization(ItemRequestReader::updateItem, "{\"UpdateExpression\":true}", "TRUE_VALUE cannot be converted to String");
        assertSerialization(ItemRequestReader::updateItem, "{\"Key\":[]}",
                "Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>");
    }

    @Test
    void queryReadsKeyConditionsAndPaging() {
        QueryRequest request = read(QueryScanRequestReader::query, """
                {"TableName":"t","IndexName":"i","Select":"ALL_ATTRIBUTES","Limit":10,"ConsistentRead":false,
                 "KeyConditions":{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"a"}]}},
                 "QueryFilter":{"x":{"ComparisonOperator":"NULL"}},"ScanIndexForward":false,
                 "ExclusiveStartKey":{"pk":{"S":"a"},"sk":{"N":"2"}},"KeyConditionExpression":"pk = :p",
                 "FilterExpression":"x > :x","ProjectionExpression":"a,b",
                 "ExpressionAttributeValues":{":p":{"S":"a"},":x":{"N":"1"}}}
                """);
        assertEquals(Map.of("pk", new Condition("EQ", List.of(AttributeValue.s("a")))), request.keyConditions());
        assertEquals(Map.of("x", new Condition("NULL", null)), request.queryFilter());
        assertEquals(false, request.scanIndexForward());
        assertEquals(10, request.limit());
        assertEquals("pk = :p", request.keyConditionExpression());
        assertEquals("x > :x", request.filterExpression());
        assertEquals(Map.of("pk", AttributeValue.s("a"), "sk", AttributeValue.n(2)), request.exclusiveStartKey());
        assertEquals("i", request.indexName());
        assertEquals("ALL_ATTRIBUTES", request.select());
    }

    @Test
    void scanReadsSegments() {
        ScanRequest request = read(QueryScanRequestReader::scan,
                "{\"TableName\":\"t\",\"Segment\":1,\"TotalSegments\":4,\"ScanFilter\":{},\"ConsistentRead\":\"true\"}");
        assertEquals(1, request.segment());
        assertEquals(4, request.totalSegments());
        assertTrue(request.scanFilter().isEmpty());
        assertEquals(true, request.consistentRead());
        assertNull(request.exclusiveStartKey());
    }
}
