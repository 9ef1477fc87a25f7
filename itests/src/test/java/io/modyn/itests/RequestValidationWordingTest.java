package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorStartingWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;

/**
 * Request checks that DynamoDB reworded with its 2026 validation framework, each as real DynamoDB
 * answered it in us-east-1 (public conformance suite's captures, October 2026): item operations
 * take table names of 1 to 255 characters and answer an empty one alone, naming the member;
 * Query names its Limit member; UpdateItem stops at an unknown ReturnValues; a transaction names
 * each item once, reads included.
 */
@ExtendWith(SharedModynServer.class)
class RequestValidationWordingTest {

    private static final Map<String, AttributeValue> KEY = Map.of(TestTables.PK, s("a"));

    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void createTable(DynamoDbClient client) {
        dynamo = client;
        table = TestTables.createHashTable(dynamo, "wording", ScalarAttributeType.S);
    }

    @Test
    void anEmptyTableNameIsAnsweredAloneNamingTheMember() {
        assertValidationError("1 validation error detected: Value at 'TableName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1",
                () -> dynamo.putItem(put -> put.tableName("").item(KEY).returnValues("INVALID")));
    }

    @Test
    void itemOperationsTakeTableNamesOfOneToTwoHundredFiftyFiveCharacters() {
        assertThrows(ResourceNotFoundException.class, () -> dynamo.getItem(get -> get.tableName("ab").key(KEY)));
        String tooLong = "a".repeat(256);
        assertValidationError("1 validation error detected: Value '" + tooLong + "' at 'tableName' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 255",
                () -> dynamo.putItem(put -> put.tableName(tooLong).item(KEY)));
        assertValidationError("1 validation error detected: Value 'bad table!@#' at 'tableName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
                () -> dynamo.deleteItem(delete -> delete.tableName("bad table!@#").key(KEY)));
    }

    @Test
    void updateItemWithoutItsKeyJoinsTheEmptyNameAndTheMissingKey() {
        assertValidationError("2 validation errors detected: Value '' at 'tableName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1; "
                        + "Value null at 'key' failed to satisfy constraint: Member must not be null",
                () -> dynamo.updateItem(update -> update.tableName("").updateExpression("SET a = :a")
                        .expressionAttributeValues(Map.of(":a", s("x")))));
    }

    @Test
    void updateItemStopsAtAnUnknownReturnValues() {
        assertValidationError("1 validation error detected: Failed to satisfy constraint: Member must satisfy enum value set: "
                        + "[ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATE_NEW, NONE]",
                () -> dynamo.updateItem(update -> update.tableName(table).key(KEY).returnValues("INVALID").returnConsumedCapacity("INVALID")));
    }

    @Test
    void queryNamesItsLimitMember() {
        assertValidationError("1 validation error detected: Value at 'Limit' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1",
                () -> dynamo.query(query -> query.tableName(table).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s("a"))).limit(0)));
    }

    @Test
    void singleItemWritesAnswerTheirRequestChecksInTheEnvelope() {
        String one = "1 validation error detected: ";
        assertValidationError(one + "ExpressionAttributeValues can only be specified when using expressions",
                () -> dynamo.putItem(put -> put.tableName(table).item(KEY).expressionAttributeValues(Map.of(":v", s("x")))));
        assertValidationError(one + "Invalid ConditionExpression: The expression can not be empty;",
                () -> dynamo.deleteItem(delete -> delete.tableName(table).key(KEY).conditionExpression("")));
        assertValidationError(one + "ReturnValues can only be ALL_OLD or NONE",
                () -> dynamo.deleteItem(delete -> delete.tableName(table).key(KEY).returnValues("ALL_NEW")));
        assertValidationError(one + "Invalid ConditionExpression: An expression attribute value used in expression is not defined; "
                        + "attribute value: :v",
                () -> dynamo.updateItem(update -> update.tableName(table).key(KEY).updateExpression("SET b = :w").conditionExpression("a = :v")
                        .expressionAttributeValues(Map.of(":w", s("x")))));
    }

    @Test
    void anUnknownConditionalOperatorListsTheEnumInDynamoDbsOrder() {
        assertValidationError("2 validation errors detected: Value 'XOR' at 'conditionalOperator' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [OR, AND]; Value null at 'key' failed to satisfy constraint: Member must not be null",
                () -> dynamo.updateItem(update -> update.tableName(table).conditionalOperator("XOR")
                        .attributeUpdates(Map.of("x", AttributeValueUpdate.builder().action("PUT").value(s("1")).build()))
                        .expected(Map.of("a", ExpectedAttributeValue.builder().exists(false).build(),
                                "b", ExpectedAttributeValue.builder().exists(false).build()))));
    }

    @Test
    void batchOperationsEchoTheirRequestItemsWhenATableNameIsBad() {
        assertValidationError("2 validation errors detected: Value '{\"bad!name\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}]}}' at 'requestItems' "
                        + "failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 255, "
                        + "Member must have length greater than or equal to 3, Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]; "
                        + "Value 'BOGUS' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: "
                        + "[INDEXES, TOTAL, NONE]",
                () -> dynamo.batchGetItem(batch -> batch.requestItems(Map.of("bad!name", KeysAndAttributes.builder().keys(KEY).build()))
                        .returnConsumedCapacity("BOGUS")));
        assertValidationError("1 validation error detected: Value '{" + table + "=[]}' at 'requestItems' failed to satisfy constraint: "
                        + "Map value must satisfy constraint: [Member must have length less than or equal to 25, "
                        + "Member must have length greater than or equal to 1]",
                () -> dynamo.batchWriteItem(batch -> batch.requestItems(Map.of(table, List.of()))));
    }

    @Test
    void batchGetItemTakesOneProjectionStyleAcrossItsTables() {
        String other = TestTables.createHashTable(dynamo, "wording_other", ScalarAttributeType.S);
        assertValidationErrorStartingWith("Can not use both expression and non-expression parameters in the same request",
                () -> dynamo.batchGetItem(batch -> batch.requestItems(Map.of(
                        table, KeysAndAttributes.builder().keys(KEY).projectionExpression(TestTables.PK).build(),
                        other, KeysAndAttributes.builder().keys(KEY).attributesToGet(TestTables.PK).build()))));
    }

    @Test
    void transactGetItemsRefusesTwoReadsOfOneItem() {
        TransactGetItem read = TransactGetItem.builder().get(get -> get.tableName(table).key(KEY)).build();
        assertValidationError("Transaction request cannot include multiple operations on one item",
                () -> dynamo.transactGetItems(transact -> transact.transactItems(read, read)));
    }
}
