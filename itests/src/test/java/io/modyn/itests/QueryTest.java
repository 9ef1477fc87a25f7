package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertDynamoError;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.util.List;
import java.util.Map;
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

/**
 * Query with a KeyConditionExpression: equality on the partition key, every sort key operator,
 * placeholders for names and values, and both directions.
 */
@ExtendWith(SharedModynServer.class)
class QueryTest {

    private static final List<String> SORT_KEYS = List.of("a", "ab", "b", "c", "d", "e");

    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void createTableWithItems(DynamoDbClient client) {
        dynamo = client;
        table = TestTables.createHashRangeTable(dynamo, "query", ScalarAttributeType.S, ScalarAttributeType.S);
        for (String sk : SORT_KEYS) {
            dynamo.putItem(put -> put.tableName(table).item(Map.of("pk", s("p"), "sk", s(sk), "v", s("value-" + sk))));
        }
        // Neighbouring partitions, which a query of "p" must not touch.
        dynamo.putItem(put -> put.tableName(table).item(Map.of("pk", s("o"), "sk", s("a"))));
        dynamo.putItem(put -> put.tableName(table).item(Map.of("pk", s("q"), "sk", s("a"))));
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
