package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * FilterExpression on Query and Scan. The developer guide ("Filter expressions for Query"): the
 * filter runs after the items are read, so ScannedCount counts every item read, Count only the
 * matches, and Limit caps the items read, before filtering; a page may therefore hold fewer items
 * than Limit, or none, and still carry a LastEvaluatedKey. A Query filter may not name key
 * attributes; a Scan filter may.
 */
@ExtendWith(SharedModynServer.class)
class FilterExpressionTest {

    private static final int ITEMS = 10;
    /** The item without attribute {@code v}. */
    private static final int WITHOUT_V = 7;

    private static DynamoDbClient dynamo;
    private static String table;
    private static String partition;

    /** Items sk 1..10 with n = sk and v = "odd"/"even", except item 7, which has no v. */
    @BeforeAll
    static void createTableWithItems(ModynServer server) {
        dynamo = DynamoDbClients.withoutRetries(server);
        table = TestTables.createHashRangeTable(dynamo, "filter", ScalarAttributeType.S, ScalarAttributeType.N);
        partition = UUID.randomUUID().toString();
        for (int i = 1; i <= ITEMS; i++) {
            Map<String, AttributeValue> item = new HashMap<>(Map.of("pk", s(partition), "sk", n(i), "n", n(i)));
            if (i != WITHOUT_V) item.put("v", s(i % 2 == 0 ? "even" : "odd"));
            dynamo.putItem(put -> put.tableName(table).item(item));
        }
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @Test
    void filterReducesCountButNotScannedCount() {
        QueryResponse response = dynamo.query(query("v = :even", Map.of(":even", s("even"))).build());

        assertEquals(List.of(2, 4, 6, 8, 10), sortKeys(response.items()));
        assertEquals(5, response.count());
        assertEquals(ITEMS, response.scannedCount());
    }

    @Test
    void limitCapsTheItemsReadBeforeTheFilter() {
        QueryResponse response = dynamo.query(query("v = :odd", Map.of(":odd", s("odd"))).limit(4).build());

        assertEquals(List.of(1, 3), sortKeys(response.items()));
        assertEquals(2, response.count());
        assertEquals(4, response.scannedCount());
        // The page ends at the last item read, which the filter dropped.
        assertEquals(Map.of("pk", s(partition), "sk", n(4)), response.lastEvaluatedKey());
    }

    @Test
    void pageMayHoldNoItemsAndStillGoOn() {
        QueryResponse response = dynamo.query(query("n > :eight", Map.of(":eight", n(8))).limit(3).build());

        assertEquals(0, response.count());
        assertEquals(3, response.scannedCount());
        assertEquals(Map.of("pk", s(partition), "sk", n(3)), response.lastEvaluatedKey());
    }

    @Test
    void pagesWithAFilterTogetherFindEveryMatchOnce() {
        List<Map<String, AttributeValue>> matches = new ArrayList<>();
        QueryRequest request = query("v = :odd", Map.of(":odd", s("odd"))).limit(3).build();
        for (int page = 0; page < 20; page++) {
            QueryResponse response = dynamo.query(request);
            matches.addAll(response.items());
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) break;
            request = request.toBuilder().exclusiveStartKey(response.lastEvaluatedKey()).build();
        }

        assertEquals(List.of(1, 3, 5, 9), sortKeys(matches));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "attribute_not_exists(v)               | 7",
            "v = :odd AND n BETWEEN :one AND :five | 1,3,5",
            "v <> :odd                             | 2,4,6,7,8,10",
            "n IN (:one, :eight) OR v = :missing   | 1,8",
            "begins_with(v, :ev) AND NOT n > :four | 2,4",
            "n = :fiveText                         | ''",
            "size(v) = :three                      | 1,3,5,9",
    })
    void filterKeepsTheItemsForWhichTheConditionHolds(String filter, String expected) {
        Map<String, AttributeValue> all = Map.of(":odd", s("odd"), ":one", n(1), ":five", n(5), ":eight", n(8),
                ":missing", s("missing"), ":ev", s("ev"), ":four", n(4), ":fiveText", s("5"), ":three", n(3));
        Map<String, AttributeValue> used = new HashMap<>();
        all.forEach((placeholder, value) -> {
            if (filter.matches(".*" + placeholder + "\\b.*")) used.put(placeholder, value);
        });

        List<Integer> keys = sortKeys(dynamo.query(query(filter, used).build()).items());

        assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(",")).stream().map(Integer::valueOf).toList(),
                keys);
    }

    @Test
    void selectCountWithAFilterAnswersTheCountsWithoutItems() {
        QueryResponse response = dynamo.query(query("v = :even", Map.of(":even", s("even"))).select(Select.COUNT).build());

        assertEquals(5, response.count());
        assertEquals(ITEMS, response.scannedCount());
        assertFalse(response.hasItems() && !response.items().isEmpty(), "no items for Select COUNT");
    }

    @Test
    void scanFilterMayNameKeyAttributes() {
        ScanResponse response = dynamo.scan(scan -> scan.tableName(table)
                .filterExpression("pk = :pk AND sk > :eight")
                .expressionAttributeValues(Map.of(":pk", s(partition), ":eight", n(8))));

        assertEquals(List.of(9, 10), sortKeys(response.items()));
    }

    @Test
    void valuesUsedOnlyByTheKeyConditionOrOnlyByTheFilterAreBothUsed() {
        QueryResponse response = dynamo.query(query -> query.tableName(table)
                .keyConditionExpression("pk = :pk AND sk <= :three")
                .filterExpression("#v = :odd")
                .projectionExpression("sk")
                .expressionAttributeNames(Map.of("#v", "v"))
                .expressionAttributeValues(Map.of(":pk", s(partition), ":three", n(3), ":odd", s("odd"))));

        assertEquals(List.of(Map.of("sk", n(1)), Map.of("sk", n(3))), response.items());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "sk > :three | sk",
            "pk = :pk    | pk",
    })
    void queryFilterOnAKeyAttributeIsRefused(String filter, String keyAttribute) {
        assertValidationError("Filter Expression can only contain non-primary key attributes: Primary key attribute: "
                + keyAttribute, () -> dynamo.query(query(filter, filter.contains(":pk")
                ? Map.of(":pk", s(partition)) : Map.of(":three", n(3))).build()));
    }

    @Test
    void unusedValueIsRefusedEvenWithSeveralExpressions() {
        assertValidationError("Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}",
                () -> dynamo.query(query("v = :odd", Map.of(":odd", s("odd"), ":unused", n(1))).build()));
    }

    @ParameterizedTest(name = "«{0}»")
    @CsvSource(delimiter = '|', value = {
            "''             | Invalid FilterExpression: The expression can not be empty;",
            "v = = :odd     | Invalid FilterExpression: Syntax error; token: \"=\", near: \"= = :odd\"",
            "comment = :odd | Invalid FilterExpression: Attribute name is a reserved keyword; reserved keyword: comment",
            "size(v)        | Invalid FilterExpression: The function is not allowed to be used this way in an expression; function: size",
            "v = :nope      | Invalid FilterExpression: An expression attribute value used in expression is not defined; attribute value: :nope",
    })
    void refusedFilter(String filter, String message) {
        Map<String, AttributeValue> values = filter.contains(":odd") ? Map.of(":odd", s("odd")) : Map.of();
        assertValidationError(message, () -> dynamo.query(query(filter, values).build()));
        assertValidationError(message, () -> dynamo.scan(scan -> {
            scan.tableName(table).filterExpression(filter);
            if (!values.isEmpty()) scan.expressionAttributeValues(values);
        }));
    }

    @Test
    void filterWithoutAKeyConditionIsNoQuery() {
        assertValidationError("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.",
                () -> dynamo.query(query -> query.tableName(table).filterExpression("v = :odd")
                        .expressionAttributeValues(Map.of(":odd", s("odd")))));
    }

    /** A Query of the test partition with this filter; the values must include the filter's placeholders. */
    private static QueryRequest.Builder query(String filter, Map<String, AttributeValue> filterValues) {
        Map<String, AttributeValue> values = new HashMap<>(filterValues);
        values.put(":pk", s(partition));
        return QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk")
                .filterExpression(filter)
                .expressionAttributeValues(values);
    }

    private static List<Integer> sortKeys(List<Map<String, AttributeValue>> items) {
        return items.stream().map(item -> Integer.parseInt(item.get("sk").n())).toList();
    }
}
