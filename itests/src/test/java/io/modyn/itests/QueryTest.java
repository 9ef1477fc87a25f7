package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertDynamoError;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorAnyRegion;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Query with a KeyConditionExpression: equality on the partition key, every sort key operator,
 * placeholders for names and values, both directions, Select; and the key conditions DynamoDB
 * refuses, with its messages. Filters are {@link FilterExpressionTest}'s subject.
 */
@ExtendWith(SharedModynServer.class)
class QueryTest {

    private static final List<String> SORT_KEYS = List.of("a", "ab", "b", "c", "d", "e");

    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void createTableWithItems(ModynServer server) {
        dynamo = DynamoDbClients.withoutRetries(server);
        table = TestTables.createHashRangeTable(dynamo, "query", ScalarAttributeType.S, ScalarAttributeType.S);
        for (String sk : SORT_KEYS) {
            dynamo.putItem(put -> put.tableName(table).item(Map.of("pk", s("p"), "sk", s(sk), "v", s("value-" + sk))));
        }
        // Neighbouring partitions, which a query of "p" must not touch.
        dynamo.putItem(put -> put.tableName(table).item(Map.of("pk", s("o"), "sk", s("a"))));
        dynamo.putItem(put -> put.tableName(table).item(Map.of("pk", s("q"), "sk", s("a"))));
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @Test
    void partitionKeyEqualityAnswersThePartitionInSortKeyOrder() {
        QueryResponse response = query("pk = :pk", Map.of(":pk", s("p")));

        assertEquals(SORT_KEYS, sortKeys(response));
        assertEquals(SORT_KEYS.size(), response.count());
        assertEquals(SORT_KEYS.size(), response.scannedCount());
        assertEquals(s("value-ab"), response.items().get(1).get("v"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "pk = :pk AND sk = :x            | c |   | c",
            "pk = :pk AND sk < :x            | b |   | a,ab",
            "pk = :pk AND sk <= :x           | b |   | a,ab,b",
            "pk = :pk AND sk > :x            | c |   | d,e",
            "pk = :pk AND sk >= :x           | c |   | c,d,e",
            "pk = :pk AND sk BETWEEN :x AND :y | ab | d | ab,b,c,d",
            "pk = :pk AND begins_with(sk, :x) | a |   | a,ab",
            "pk = :pk AND sk > :x            | z |   | ''",
    })
    void sortKeyConditionSelectsTheMatchingRange(String condition, String x, String y, String expected) {
        Map<String, AttributeValue> values = y == null
                ? Map.of(":pk", s("p"), ":x", s(x))
                : Map.of(":pk", s("p"), ":x", s(x), ":y", s(y));

        assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(",")), sortKeys(query(condition, values)));
    }

    @Test
    void conditionsMayBeWrittenInEitherOrderWithParenthesesAndNamePlaceholders() {
        QueryResponse response = dynamo.query(query -> query.tableName(table)
                .keyConditionExpression("(#sort BETWEEN :low AND :high) AND #part = :pk")
                .expressionAttributeNames(Map.of("#part", "pk", "#sort", "sk"))
                .expressionAttributeValues(Map.of(":pk", s("p"), ":low", s("b"), ":high", s("c"))));

        assertEquals(List.of("b", "c"), sortKeys(response));
    }

    @Test
    void scanIndexForwardFalseAnswersInDescendingOrder() {
        QueryResponse response = dynamo.query(query -> query.tableName(table)
                .keyConditionExpression("pk = :pk AND sk >= :x")
                .expressionAttributeValues(Map.of(":pk", s("p"), ":x", s("b")))
                .scanIndexForward(false));

        assertEquals(List.of("e", "d", "c", "b"), sortKeys(response));
    }

    @Test
    void queryOfAnEmptyPartitionAnswersNoItems() {
        QueryResponse response = query("pk = :pk", Map.of(":pk", s("nothing here")));

        assertEquals(0, response.count());
        assertEquals(List.of(), response.items());
    }

    @Test
    void selectCountAnswersTheCountsWithoutItems() {
        QueryResponse response = dynamo.query(query -> query.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("p"))).select(Select.COUNT));

        assertEquals(SORT_KEYS.size(), response.count());
        assertEquals(SORT_KEYS.size(), response.scannedCount());
        assertTrue(!response.hasItems() || response.items().isEmpty(), "no items for Select COUNT");
    }

    @Test
    void selectSpecificAttributesAnswersTheProjection() {
        QueryResponse response = dynamo.query(query -> query.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("p"))).select(Select.SPECIFIC_ATTRIBUTES)
                .projectionExpression("v").limit(2));

        assertEquals(List.of(Map.of("v", s("value-a")), Map.of("v", s("value-ab"))), response.items());
    }

    @Test
    void selectAllAttributesAnswersWholeItems() {
        QueryResponse response = dynamo.query(query -> query.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("p"))).select(Select.ALL_ATTRIBUTES).limit(1));

        assertEquals(List.of(Map.of("pk", s("p"), "sk", s("a"), "v", s("value-a"))), response.items());
    }

    /** Query may wrap this refusal in the constraint envelope, Scan does not (two emulators' probes of DynamoDB). */
    @Test
    void selectCountWithAProjectionIsRefused() {
        assertValidationErrorAnyRegion("Cannot specify the ProjectionExpression when choosing to get only the Count",
                () -> dynamo.query(query -> query.tableName(table).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s("p"))).select(Select.COUNT).projectionExpression("v")));
    }

    @Test
    void selectAllAttributesWithAProjectionIsRefused() {
        assertValidationErrorMatching("(1 validation error detected: )?Cannot specify the ProjectionExpression when "
                + "choosing to get ALL_ATTRIBUTES", () -> dynamo.query(query -> query.tableName(table)
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s("p")))
                .select(Select.ALL_ATTRIBUTES).projectionExpression("v")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "pk = :pk OR sk = :x              | OR",
            "pk IN (:pk, :x)                  | IN",
            "pk = :pk AND sk <> :x            | <>",
            "pk = :pk AND NOT sk = :x         | NOT",
            "pk = :pk AND attribute_exists(v) | attribute_exists",
            "pk = :pk AND contains(sk, :x)    | contains",
    })
    void operatorThatCannotSelectAKeyRangeIsRefused(String condition, String operator) {
        Map<String, AttributeValue> values = condition.contains(":x") ? Map.of(":pk", s("p"), ":x", s("a")) : Map.of(":pk", s("p"));
        assertValidationError("Invalid operator used in KeyConditionExpression: " + operator, () -> query(condition, values));
    }

    @Test
    void twoConditionsOnOneKeyAreRefused() {
        // Real DynamoDB's words (dynamodb-conformance, queryKeyConditionOperands.test.ts, eu-west-2 October 2026).
        assertValidationError("Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key",
                () -> query("pk = :pk AND sk > :x AND sk < :y", Map.of(":pk", s("p"), ":x", s("a"), ":y", s("c"))));
    }

    @Test
    void conditionOnANestedAttributeIsRefused() {
        assertValidationError("KeyConditionExpressions cannot have conditions on nested attributes",
                () -> query("pk.part = :pk", Map.of(":pk", s("p"))));
    }

    @Test
    void betweenWithTheBoundsSwappedIsRefused() {
        assertValidationError("Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater "
                        + "than or equal to lower bound; lower bound operand: AttributeValue: {S:d}, upper bound operand: "
                        + "AttributeValue: {S:b}",
                () -> query("pk = :pk AND sk BETWEEN :x AND :y", Map.of(":pk", s("p"), ":x", s("d"), ":y", s("b"))));
    }

    @Test
    void queryWithoutAKeyConditionIsRefused() {
        assertValidationError("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.",
                () -> dynamo.query(query -> query.tableName(table)));
    }

    @Test
    void conditionWithoutThePartitionKeyIsRejected() {
        assertValidationError("Query condition missed key schema element: pk",
                () -> query("sk = :x", Map.of(":x", s("a"))));
    }

    @Test
    void valueNotUsedByTheExpressionIsRejected() {
        assertValidationError("Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}",
                () -> query("pk = :pk", Map.of(":pk", s("p"), ":unused", s("x"))));
    }

    @Test
    void queryOfAnUnknownTableIsResourceNotFound() {
        assertDynamoError(ResourceNotFoundException.class, "ResourceNotFoundException", "Requested resource not found",
                () -> dynamo.query(query -> query.tableName(TestTables.uniqueName("missing"))
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s("p")))));
    }

    private static QueryResponse query(String condition, Map<String, AttributeValue> values) {
        return dynamo.query(query -> query.tableName(table)
                .keyConditionExpression(condition)
                .expressionAttributeValues(values));
    }

    private static List<String> sortKeys(QueryResponse response) {
        return response.items().stream().map(item -> item.get("sk").s()).toList();
    }
}
