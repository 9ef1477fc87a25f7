package io.modyn.engine.operation;

import static io.modyn.engine.transaction.TransactRequests.CONTEXT;
import static io.modyn.engine.transaction.TransactRequests.createTable;
import static io.modyn.engine.transaction.TransactRequests.get;
import static io.modyn.engine.transaction.TransactRequests.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.dynamodb.BatchGetItemRequest;
import io.modyn.api.dynamodb.BatchWriteItemRequest;
import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.DeleteItemRequest;
import io.modyn.api.dynamodb.DescribeTableRequest;
import io.modyn.api.dynamodb.ExpectedAttributeValue;
import io.modyn.api.dynamodb.GetItemRequest;
import io.modyn.api.dynamodb.KeysAndAttributes;
import io.modyn.api.dynamodb.PutItemRequest;
import io.modyn.api.dynamodb.QueryRequest;
import io.modyn.api.dynamodb.SecondaryIndexRequest;
import io.modyn.api.dynamodb.TransactGetItemsRequest;
import io.modyn.api.dynamodb.UpdateItemRequest;
import io.modyn.api.dynamodb.WriteRequest;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.dynamodb.Condition;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.IndexProjection;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.engine.DynamoDbEngine;
import io.modyn.engine.transaction.TransactRequests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Request checks whose wording DynamoDB changed with its 2026 validation framework, as the
 * conformance suite captured them from us-east-1 and eu-west-2 (October 2026).
 */
class RequestValidationTest {

    private static final Map<String, AttributeValue> ITEM = Map.of("id", new AttributeValue.S("a"));

    private DynamoDbEngine engine;

    @BeforeEach
    void createTables() {
        engine = TransactRequests.engine(new InMemoryStorageEngine());
        createTable(engine, "accounts");
    }

    @Test
    void anEmptyTableNameOnAnItemOperationIsReportedAloneNamingTheMember() {
        String message = "1 validation error detected: Value at 'TableName' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1";
        assertValidation(message, () -> engine.putItem(put("", "INVALID"), CONTEXT));
        assertValidation(message, () -> engine.getItem(new GetItemRequest("", ITEM, null, null, null, null, null), CONTEXT));
        assertValidation(message, () -> engine.deleteItem(new DeleteItemRequest("", ITEM, null, null, null, null, null, null, null, null, null),
                CONTEXT));
        assertValidation(message, () -> engine.query(query("", null, null), CONTEXT));
    }

    @Test
    void anItemOperationTakesTableNamesOfOneToTwoHundredFiftyFiveCharacters() {
        assertEquals(ErrorType.RESOURCE_NOT_FOUND,
                assertThrows(DynamoException.class, () -> engine.putItem(put("ab", null), CONTEXT)).type());
        String tooLong = "a".repeat(256);
        assertValidation("1 validation error detected: Value '" + tooLong + "' at 'tableName' failed to satisfy constraint: "
                + "Member must have length less than or equal to 255", () -> engine.putItem(put(tooLong, null), CONTEXT));
        assertValidation("1 validation error detected: Value 'bad table!@#' at 'tableName' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+", () -> engine.putItem(put("bad table!@#", null), CONTEXT));
    }

    @Test
    void updateItemWithoutItsKeyJoinsEveryViolationInDynamoDbsMemberOrder() {
        String emptyName = "Value '' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 1";
        String noKey = "Value null at 'key' failed to satisfy constraint: Member must not be null";
        assertValidation("2 validation errors detected: " + emptyName + "; " + noKey, () -> engine.updateItem(update("", null, null, null), CONTEXT));
        assertValidation("4 validation errors detected: "
                + "Value 'INVALID' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; "
                + emptyName + "; "
                + "Value 'INVALID' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]; " + noKey,
                () -> engine.updateItem(update("", null, "INVALID", "INVALID"), CONTEXT));
    }

    @Test
    void updateItemWithItsKeyStopsAtAnUnknownReturnValuesInTheBareForm() {
        assertValidation("1 validation error detected: Failed to satisfy constraint: Member must satisfy enum value set: "
                + "[ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATE_NEW, NONE]", () -> engine.updateItem(update("accounts", ITEM, "INVALID", "INVALID"), CONTEXT));
    }

    @Test
    void queryNamesTheLimitMemberAndReportsAnUnknownConditionalOperatorBare() {
        assertValidation("1 validation error detected: Value at 'Limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
                () -> engine.query(query("accounts", 0, null), CONTEXT));
        assertValidation("Failed to satisfy constraint: Member must satisfy enum value set: [ALL, OR]",
                () -> engine.query(query("accounts", null, "XOR"), CONTEXT));
    }

    @Test
    void tableOperationsTakeNamesOfThreeToTwoHundredFiftyFiveCharacters() {
        assertValidation("1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 3", () -> engine.createTable(create("ab", keySchema("id")), CONTEXT));
        assertValidation("1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 3", () -> engine.describeTable(new DescribeTableRequest("ab"), CONTEXT));
        assertValidation("The parameter 'TableName' is required but was not present in the request",
                () -> engine.createTable(create(null, keySchema("id")), CONTEXT));
    }

    @Test
    void aKeySchemaOfThreeElementsIsEchoedAsDynamoDbPrintsItsModel() {
        assertValidation("1 validation error detected: Value '[KeySchemaElement(attributeName=id, keyType=HASH), "
                + "KeySchemaElement(attributeName=sk, keyType=RANGE), KeySchemaElement(attributeName=x, keyType=RANGE)]' "
                + "at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2",
                () -> engine.createTable(create("three_keys", keySchema("id", "sk", "x")), CONTEXT));
    }

    @Test
    void transactGetItemsRefusesTwoGetsOfOneItem() {
        assertValidation("Transaction request cannot include multiple operations on one item", () -> engine.transactGetItems(
                new TransactGetItemsRequest(List.of(get("accounts", "a"), get("accounts", "a")), null), CONTEXT));
        assertEquals(2, engine.transactGetItems(new TransactGetItemsRequest(List.of(
                get("accounts", "a"), new io.modyn.api.dynamodb.TransactGetItem(new io.modyn.api.dynamodb.TransactGet("accounts", key("b"), null, null))),
                null), CONTEXT).responses().size());
    }

    @Test
    void singleItemWritesReportTheirRequestChecksInTheEnvelope() {
        String one = "1 validation error detected: ";
        assertValidation(one + "ExpressionAttributeValues can only be specified when using expressions", () -> engine.putItem(
                new PutItemRequest("accounts", ITEM, null, null, Map.of(":v", new AttributeValue.S("x")), null, null, null, null, null, null),
                CONTEXT));
        assertValidation(one + "Invalid ConditionExpression: The expression can not be empty;", () -> engine.deleteItem(
                new DeleteItemRequest("accounts", ITEM, "", null, null, null, null, null, null, null, null), CONTEXT));
        assertValidation(one + "ReturnValues can only be ALL_OLD or NONE", () -> engine.deleteItem(
                new DeleteItemRequest("accounts", ITEM, null, null, null, null, null, "ALL_NEW", null, null, null), CONTEXT));
        assertValidation(one + "One or more parameter values were invalid: Value must be provided when Exists is true for Attribute: a",
                () -> engine.putItem(new PutItemRequest("accounts", ITEM, null, null, null,
                        Map.of("a", new ExpectedAttributeValue(null, true, null, null)), null, null, null, null, null),
                        CONTEXT));
        assertValidation(one + "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :v",
                () -> engine.updateItem(new UpdateItemRequest("accounts", ITEM, null, null, null, null, null, null, "SET b = :w", "a = :v",
                        null, Map.of(":w", new AttributeValue.S("x")), null), CONTEXT));
    }

    @Test
    void transactWriteItemsKeepsTheSameChecksBare() {
        assertValidation("Invalid ConditionExpression: The expression can not be empty;", () -> engine.transactWriteItems(
                TransactRequests.write(TransactRequests.check("accounts", "a", "")), CONTEXT));
    }

    @Test
    void anUnknownConditionalOperatorIsListedWithTheEnumInDynamoDbsOrder() {
        assertValidation("2 validation errors detected: Value 'XOR' at 'conditionalOperator' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [OR, AND]; Value null at 'key' failed to satisfy constraint: Member must not be null",
                () -> engine.updateItem(new UpdateItemRequest("accounts", null, null, null, "XOR", null, null, null, "SET a = :a", null, null,
                        Map.of(":a", new AttributeValue.S("x")), null), CONTEXT));
    }

    @Test
    void globalIndexViolationsComeBeforeLocalOnes() {
        List<KeySchemaElement> keys = keySchema("id", "sk");
        CreateTableRequest request = new CreateTableRequest("indexed", List.of(new AttributeDefinition("id", "S"), new AttributeDefinition("sk", "S")),
                keys, "PAY_PER_REQUEST", null,
                List.of(new SecondaryIndexRequest("aa", List.of(new KeySchemaElement("id", "HASH"), new KeySchemaElement("lr", "RANGE")),
                        new IndexProjection("ALL", null), null)),
                List.of(new SecondaryIndexRequest("zz", List.of(new KeySchemaElement("gh", "HASH")), new IndexProjection("ALL", null), null)),
                null, null, null, null);
        assertValidation("2 validation errors detected: Value 'zz' at 'globalSecondaryIndexes.1.member.indexName' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 3; Value 'aa' at 'localSecondaryIndexes.1.member.indexName' failed to "
                + "satisfy constraint: Member must have length greater than or equal to 3", () -> engine.createTable(request, CONTEXT));
    }

    @Test
    void batchGetItemEchoesItsRequestItemsAsJsonBesideOtherMemberViolations() {
        String mapKeys = "Map keys must satisfy constraint: [Member must have length less than or equal to 255, Member must have length "
                + "greater than or equal to 3, Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]";
        BatchGetItemRequest request = new BatchGetItemRequest(
                Map.of("bad!name", new KeysAndAttributes(List.of(Map.of("pk", new AttributeValue.S("a"))), null, null, null, null)), "BOGUS");
        assertValidation("2 validation errors detected: Value '{\"bad!name\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}]}}' at 'requestItems' "
                + "failed to satisfy constraint: " + mapKeys + "; Value 'BOGUS' at 'returnConsumedCapacity' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [INDEXES, TOTAL, NONE]", () -> engine.batchGetItem(request, CONTEXT));
    }

    @Test
    void batchGetItemRefusesLegacyAndExpressionProjectionsOnDifferentTables() {
        createTable(engine, "ledger");
        BatchGetItemRequest request = new BatchGetItemRequest(Map.of(
                "accounts", new KeysAndAttributes(List.of(key("a")), null, null, "id", null),
                "ledger", new KeysAndAttributes(List.of(key("a")), List.of("id"), null, null, null)), null);
        assertValidation("Can not use both expression and non-expression parameters in the same request: "
                + "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}", () -> engine.batchGetItem(request, CONTEXT));
    }

    @Test
    void batchWriteItemEchoesItsRequestItemsInTheModelsForm() {
        Map<String, List<WriteRequest>> badName = Map.of("bad!name", List.of(new WriteRequest(Map.of("pk", new AttributeValue.S("x")), null)));
        assertValidation("1 validation error detected: Value '{bad!name=[WriteRequest(putRequest=PutRequest(item={pk=AttributeValue(S=x)}), "
                + "deleteRequest=null)]}' at 'requestItems' failed to satisfy constraint: Map keys must satisfy constraint: [Member must "
                + "have length less than or equal to 255, Member must have length greater than or equal to 3, Member must satisfy regular "
                + "expression pattern: [a-zA-Z0-9_.-]+]", () -> engine.batchWriteItem(new BatchWriteItemRequest(badName, null, null), CONTEXT));
        assertValidation("1 validation error detected: Value 'BOGUS' at 'returnConsumedCapacity' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [INDEXES, TOTAL, NONE]",
                () -> engine.batchWriteItem(new BatchWriteItemRequest(badName, "BOGUS", null), CONTEXT));
        assertValidation("1 validation error detected: Value '{accounts=[]}' at 'requestItems' failed to satisfy constraint: Map value must "
                + "satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]",
                () -> engine.batchWriteItem(new BatchWriteItemRequest(Map.of("accounts", List.of()), null, null), CONTEXT));
    }

    private static PutItemRequest put(String table, String returnValues) {
        return new PutItemRequest(table, ITEM, null, null, null, null, null, returnValues, null, null, null);
    }

    private static UpdateItemRequest update(String table, Map<String, AttributeValue> key, String returnValues, String returnConsumedCapacity) {
        return new UpdateItemRequest(table, key, null, null, null, returnValues, returnConsumedCapacity, null, "SET a = :a", null, null,
                Map.of(":a", new AttributeValue.S("x")), null);
    }

    private static QueryRequest query(String table, Integer limit, String conditionalOperator) {
        Map<String, Condition> keyConditions = Map.of("id", new Condition("EQ", List.of(new AttributeValue.S("a"))));
        Map<String, Condition> filter = conditionalOperator == null ? null
                : Map.of("b", new Condition("NULL", null), "c", new Condition("NULL", null));
        return new QueryRequest(table, null, null, null, limit, null, keyConditions, filter, conditionalOperator, null, null, null, null, null,
                null, null, null);
    }

    private static CreateTableRequest create(String table, List<KeySchemaElement> keySchema) {
        List<AttributeDefinition> definitions = keySchema.stream().map(k -> new AttributeDefinition(k.attributeName(), "S")).toList();
        return new CreateTableRequest(table, definitions, keySchema, "PAY_PER_REQUEST", null, null, null, null, null, null, null);
    }

    private static List<KeySchemaElement> keySchema(String... names) {
        return java.util.stream.IntStream.range(0, names.length)
                .mapToObj(i -> new KeySchemaElement(names[i], i == 0 ? "HASH" : "RANGE")).toList();
    }

    private static void assertValidation(String message, Executable call) {
        DynamoException e = assertThrows(DynamoException.class, call);
        assertEquals(ErrorType.VALIDATION, e.type());
        assertEquals(message, e.getMessage());
    }
}
