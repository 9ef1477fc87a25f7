package io.modyn.protocol.json;

import static io.modyn.protocol.json.CodecFixture.assertSerialization;
import static io.modyn.protocol.json.CodecFixture.assertValidation;
import static io.modyn.protocol.json.CodecFixture.read;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.api.dynamodb.TransactConditionCheck;
import io.modyn.api.dynamodb.TransactDelete;
import io.modyn.api.dynamodb.TransactGet;
import io.modyn.api.dynamodb.TransactGetItem;
import io.modyn.api.dynamodb.TransactGetItemsRequest;
import io.modyn.api.dynamodb.TransactPut;
import io.modyn.api.dynamodb.TransactUpdate;
import io.modyn.api.dynamodb.TransactWriteItem;
import io.modyn.api.dynamodb.TransactWriteItemsRequest;
import io.modyn.api.model.AttributeValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransactRequestReaderTest {

    private static final Map<String, AttributeValue> KEY = Map.of("id", AttributeValue.s("a"));

    @Test
    void transactWriteItemsReadsEveryActionInRequestOrder() {
        TransactWriteItemsRequest request = read(TransactRequestReader::transactWriteItems, """
                {"TransactItems":[
                  {"ConditionCheck":{"TableName":"t","Key":{"id":{"S":"a"}},"ConditionExpression":"#b > :v",
                    "ExpressionAttributeNames":{"#b":"balance"},"ExpressionAttributeValues":{":v":{"N":"10"}},
                    "ReturnValuesOnConditionCheckFailure":"ALL_OLD"}},
                  {"Put":{"TableName":"t","Item":{"id":{"S":"b"}},"ConditionExpression":"attribute_not_exists(id)"}},
                  {"Delete":{"TableName":"u","Key":{"id":{"S":"a"}}}},
                  {"Update":{"TableName":"t","Key":{"id":{"S":"a"}},"UpdateExpression":"SET n = n + :one",
                    "ExpressionAttributeValues":{":one":{"N":"1"}}}}],
                 "ReturnConsumedCapacity":"TOTAL","ReturnItemCollectionMetrics":"SIZE","ClientRequestToken":"token-1"}
                """);

        assertEquals(new TransactWriteItemsRequest(List.of(
                new TransactWriteItem(new TransactConditionCheck("t", KEY, "#b > :v", Map.of("#b", "balance"),
                        Map.of(":v", AttributeValue.n(10)), "ALL_OLD"), null, null, null),
                new TransactWriteItem(null, new TransactPut("t", Map.of("id", AttributeValue.s("b")), "attribute_not_exists(id)",
                        null, null, null), null, null),
                new TransactWriteItem(null, null, new TransactDelete("u", KEY, null, null, null, null), null),
                new TransactWriteItem(null, null, null, new TransactUpdate("t", KEY, "SET n = n + :one", null, null,
                        Map.of(":one", AttributeValue.n(1)), null))),
                "TOTAL", "SIZE", "token-1"), request);
    }

    @Test
    void actionsAreReadAsTheyComeForTheEngineToJudge() {
        TransactWriteItemsRequest request = read(TransactRequestReader::transactWriteItems,
                "{\"TransactItems\":[null,{},{\"Put\":{\"TableName\":\"t\"},\"Delete\":{\"TableName\":\"t\"}}]}");
        assertEquals(Arrays.asList(null, new TransactWriteItem(null, null, null, null),
                new TransactWriteItem(null, new TransactPut("t", null, null, null, null, null),
                        new TransactDelete("t", null, null, null, null, null), null)), request.transactItems());
    }

    @Test
    void membersOfAnotherActionAreIgnored() {
        TransactWriteItemsRequest request = read(TransactRequestReader::transactWriteItems,
                "{\"TransactItems\":[{\"Delete\":{\"TableName\":\"t\",\"Key\":{\"id\":{\"S\":\"a\"}},\"Item\":5,\"UpdateExpression\":[]}}]}");
        assertEquals(new TransactDelete("t", KEY, null, null, null, null), request.transactItems().get(0).delete());
    }

    @Test
    void transactGetItemsReadsEachGet() {
        TransactGetItemsRequest request = read(TransactRequestReader::transactGetItems, """
                {"TransactItems":[{"Get":{"TableName":"t","Key":{"id":{"S":"a"}},"ProjectionExpression":"#n",
                  "ExpressionAttributeNames":{"#n":"name"}}},{}],"ReturnConsumedCapacity":"INDEXES"}
                """);
        assertEquals(new TransactGetItemsRequest(List.of(
                new TransactGetItem(new TransactGet("t", KEY, "#n", Map.of("#n", "name"))), new TransactGetItem(null)), "INDEXES"),
                request);
    }

    @Test
    void wronglyTypedMembersAreRefusedLikeDynamoDb() {
        assertSerialization(TransactRequestReader::transactWriteItems, "{\"TransactItems\":{}}",
                "Start of structure or map found where not expected");
        assertSerialization(TransactRequestReader::transactWriteItems, "{\"TransactItems\":[[]]}",
                "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.TransactWriteItem");
        assertSerialization(TransactRequestReader::transactWriteItems, "{\"TransactItems\":[{\"Put\":[]}]}",
                "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.Put");
        assertSerialization(TransactRequestReader::transactWriteItems, "{\"TransactItems\":[{\"Update\":true}]}",
                "Unexpected field type");
        assertSerialization(TransactRequestReader::transactWriteItems, "{\"ClientRequestToken\":1}",
                "NUMBER_VALUE cannot be converted to String");
        assertSerialization(TransactRequestReader::transactGetItems, "{\"TransactItems\":[{\"Get\":[]}]}",
                "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.Get");
        assertValidation(TransactRequestReader::transactWriteItems, "{\"TransactItems\":[{\"Put\":{\"Item\":{\"a\":{}}}}]}",
                "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }
}
