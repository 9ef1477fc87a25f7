package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.AttributeValues.ss;
import static io.modyn.itests.support.DynamoAssertions.assertDynamoError;
import static io.modyn.itests.support.DynamoAssertions.assertSameItem;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** PutItem writes whole items; keys and sizes are validated with DynamoDB's messages. */
@ExtendWith(SharedModynServer.class)
class PutItemTest {

    /** DynamoDB's item size limit, 400 KB: attribute name lengths plus value sizes. */
    private static final int MAX_ITEM_BYTES = 400 * 1024;

    private static DynamoDbClient dynamo;
    private static String hashTable;
    private static String rangeTable;

    @BeforeAll
    static void createTables(DynamoDbClient client) {
        dynamo = client;
        hashTable = TestTables.createHashTable(dynamo, "put", ScalarAttributeType.S);
        rangeTable = TestTables.createHashRangeTable(dynamo, "put-range", ScalarAttributeType.S, ScalarAttributeType.N);
    }

    @Test
    void putReplacesTheWholeItem() {
        String key = uniqueKey();
        dynamo.putItem(put -> put.tableName(hashTable).item(Map.of("pk", s(key), "a", s("1"), "b", s("2"))));
        dynamo.putItem(put -> put.tableName(hashTable).item(Map.of("pk", s(key), "c", s("3"))));

        assertSameItem(Map.of("pk", s(key), "c", s("3")), get(hashTable, Map.of("pk", s(key))));
    }

    @Test
    void returnValuesAllOldAnswersTheReplacedItem() {
        String key = uniqueKey();
        Map<String, AttributeValue> first = Map.of("pk", s(key), "v", n("1.50"), "tags", ss("x", "y"));
        dynamo.putItem(put -> put.tableName(hashTable).item(first));

        PutItemResponse response = dynamo.putItem(put -> put.tableName(hashTable)
                .item(Map.of("pk", s(key), "v", n("2")))
                .returnValues(ReturnValue.ALL_OLD));

        assertSameItem(Map.of("pk", s(key), "v", n("1.5"), "tags", ss("x", "y")), response.attributes());
    }

    @Test
    void returnValuesAllOldAnswersNothingForANewItem() {
        PutItemResponse response = dynamo.putItem(put -> put.tableName(hashTable)
                .item(Map.of("pk", s(uniqueKey())))
                .returnValues(ReturnValue.ALL_OLD));

        assertFalse(response.hasAttributes());
    }

    @Test
    void itemsWithTheSamePartitionKeyAndDifferentSortKeysAreDistinct() {
        String key = uniqueKey();
        dynamo.putItem(put -> put.tableName(rangeTable).item(Map.of("pk", s(key), "sk", n("1"), "v", s("one"))));
        dynamo.putItem(put -> put.tableName(rangeTable).item(Map.of("pk", s(key), "sk", n("2"), "v", s("two"))));

        assertEquals(s("one"), get(rangeTable, Map.of("pk", s(key), "sk", n("1"))).get("v"));
        assertEquals(s("two"), get(rangeTable, Map.of("pk", s(key), "sk", n("2"))).get("v"));
    }

    @Test
    void sortKeyNumbersAreTheSameKeyWhateverTheirSpelling() {
        String key = uniqueKey();
        dynamo.putItem(put -> put.tableName(rangeTable).item(Map.of("pk", s(key), "sk", n("1.50"), "v", s("first"))));
        dynamo.putItem(put -> put.tableName(rangeTable).item(Map.of("pk", s(key), "sk", n("15e-1"), "v", s("second"))));

        assertEquals(s("second"), get(rangeTable, Map.of("pk", s(key), "sk", n("1.5"))).get("v"));
        assertEquals(1, dynamo.query(query -> query.tableName(rangeTable)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(key)))).count());
    }

    @Test
    void itemOfExactlyFourHundredKilobytesIsAccepted() {
        Map<String, AttributeValue> item = itemOfSize(MAX_ITEM_BYTES);
        dynamo.putItem(put -> put.tableName(hashTable).item(item));

        assertEquals(item.get("d"), get(hashTable, Map.of("pk", item.get("pk"))).get("d"));
    }

    @Test
    void itemOverFourHundredKilobytesIsRejected() {
        assertValidationError("Item size has exceeded the maximum allowed size",
                () -> dynamo.putItem(put -> put.tableName(hashTable).item(itemOfSize(MAX_ITEM_BYTES + 1))));
    }

    @Test
    void itemWithoutThePartitionKeyIsRejected() {
        assertValidationError("One or more parameter values were invalid: Missing the key pk in the item",
                () -> dynamo.putItem(put -> put.tableName(hashTable).item(Map.of("other", s("x")))));
    }

    @Test
    void itemWithoutTheSortKeyIsRejected() {
        assertValidationError("One or more parameter values were invalid: Missing the key sk in the item",
                () -> dynamo.putItem(put -> put.tableName(rangeTable).item(Map.of("pk", s("x")))));
    }

    @Test
    void partitionKeyOfTheWrongTypeIsRejected() {
        assertValidationError("One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N",
                () -> dynamo.putItem(put -> put.tableName(hashTable).item(Map.of("pk", n("1")))));
    }

    @Test
    void sortKeyOfTheWrongTypeIsRejected() {
        assertValidationError("One or more parameter values were invalid: Type mismatch for key sk expected: N actual: S",
                () -> dynamo.putItem(put -> put.tableName(rangeTable).item(Map.of("pk", s("x"), "sk", s("1")))));
    }

    @Test
    void setAsKeyValueIsATypeMismatch() {
        assertValidationError("One or more parameter values were invalid: Type mismatch for key pk expected: S actual: SS",
                () -> dynamo.putItem(put -> put.tableName(hashTable).item(Map.of("pk", ss("a")))));
    }

    @Test
    void emptyStringPartitionKeyIsRejected() {
        assertValidationError("One or more parameter values are not valid. The AttributeValue for a key attribute "
                        + "cannot contain an empty string value. Key: pk",
                () -> dynamo.putItem(put -> put.tableName(hashTable).item(Map.of("pk", s("")))));
    }

    @Test
    void putIntoAnUnknownTableIsResourceNotFound() {
        assertDynamoError(ResourceNotFoundException.class, "ResourceNotFoundException", "Requested resource not found",
                () -> dynamo.putItem(put -> put.tableName(TestTables.uniqueName("missing")).item(Map.of("pk", s("x")))));
    }

    private static Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
        return dynamo.getItem(get -> get.tableName(table).key(key).consistentRead(true)).item();
    }

    /** An item {"pk": 36-character key, "d": string} whose DynamoDB size is exactly {@code bytes}. */
    private static Map<String, AttributeValue> itemOfSize(int bytes) {
        String key = uniqueKey();
        int overhead = "pk".length() + key.length() + "d".length();
        return Map.of("pk", s(key), "d", s("x".repeat(bytes - overhead)));
    }

    private static String uniqueKey() {
        return UUID.randomUUID().toString();
    }
}
