package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.b;
import static io.modyn.itests.support.AttributeValues.bool;
import static io.modyn.itests.support.AttributeValues.l;
import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.ns;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.AttributeValues.ss;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The legacy read parameters: {@code AttributesToGet} (GetItem, Query, Scan), {@code KeyConditions}
 * (Query), {@code QueryFilter} and {@code ScanFilter} with {@code ConditionalOperator}, every
 * ComparisonOperator and its argument-count rule, and the refusal of mixing each with its
 * expression counterpart (developer guide, "Legacy conditional parameters").
 */
@ExtendWith(SharedModynServer.class)
class LegacyReadParametersTest {

    private static DynamoDbClient dynamo;
    private static String table;
    private static String partition;

    /** Items sk 1..6 of one partition; attribute {@code a} of each item is a value of another type. */
    @BeforeAll
    static void createTableWithItems(ModynServer server) {
        dynamo = DynamoDbClients.withoutRetries(server);
        table = TestTables.createHashRangeTable(dynamo, "legacy-read", ScalarAttributeType.S, ScalarAttributeType.N);
        partition = UUID.randomUUID().toString();
        List<AttributeValue> values = List.of(s("apple"), n(5), b((byte) 1, (byte) 2), ss("x", "y"), ns("1", "2"), l(s("x")));
        for (int i = 0; i < values.size(); i++) {
            Map<String, AttributeValue> item = new HashMap<>(Map.of("pk", s(partition), "sk", n(i + 1),
                    "a", values.get(i), "other", s("o" + (i + 1))));
            dynamo.putItem(put -> put.tableName(table).item(item));
        }
        // A partition-less neighbour, so that scans meet an item without "a".
        dynamo.putItem(put -> put.tableName(table).item(Map.of("pk", s(partition + "-other"), "sk", n(1))));
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @Test
    void attributesToGetSelectsTopLevelAttributes() {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table)
                .key(Map.of("pk", s(partition), "sk", n(1))).attributesToGet("other", "missing")).item();
        QueryResponse queried = dynamo.query(query -> query.tableName(table).keyConditions(partitionIs())
                .attributesToGet("sk"));

        assertEquals(Map.of("other", s("o1")), item);
        assertEquals(6, queried.count());
        assertEquals(Map.of("sk", n(1)), queried.items().get(0));
    }

    @Test
    void duplicateNameInAttributesToGetIsRefused() {
        assertValidationError("One or more parameter values were invalid: Duplicate value in attribute name: a",
                () -> dynamo.getItem(get -> get.tableName(table).key(Map.of("pk", s(partition), "sk", n(1)))
                        .attributesToGet("a", "a")));
    }

    @ParameterizedTest(name = "sk {0} {1}")
    @CsvSource(delimiter = '|', value = {
            "EQ          | 3     | 3",
            "LT          | 3     | 1,2",
            "LE          | 3     | 1,2,3",
            "GT          | 4     | 5,6",
            "GE          | 4     | 4,5,6",
            "BETWEEN     | 2,4   | 2,3,4",
    })
    void keyConditionsOnTheSortKey(String operator, String arguments, String expected) {
        List<AttributeValue> values = Stream.of(arguments.split(",")).map(number -> n(Integer.parseInt(number))).toList();
        Map<String, Condition> conditions = new HashMap<>(partitionIs());
        conditions.put("sk", Condition.builder().comparisonOperator(operator).attributeValueList(values).build());

        QueryResponse response = dynamo.query(query -> query.tableName(table).keyConditions(conditions));

        assertEquals(numbers(expected), sortKeys(response.items()));
    }

    @Test
    void beginsWithKeyConditionOnAStringSortKey() {
        String rangeTable = TestTables.createHashRangeTable(dynamo, "legacy-read-s", ScalarAttributeType.S, ScalarAttributeType.S);
        for (String sk : List.of("ab", "abc", "b")) {
            dynamo.putItem(put -> put.tableName(rangeTable).item(Map.of("pk", s("p"), "sk", s(sk))));
        }

        QueryResponse response = dynamo.query(query -> query.tableName(rangeTable).keyConditions(Map.of(
                "pk", eq(s("p")),
                "sk", Condition.builder().comparisonOperator(ComparisonOperator.BEGINS_WITH).attributeValueList(s("ab")).build())));

        assertEquals(2, response.count());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"NULL", "NOT_NULL", "CONTAINS", "NOT_CONTAINS", "IN"})
    void nonIndexableKeyConditionIsRefused(String operator) {
        Map<String, Condition> conditions = new HashMap<>(partitionIs());
        conditions.put("sk", Condition.builder().comparisonOperator(operator)
                .attributeValueList(operator.endsWith("NULL") ? List.of() : List.of(n(1))).build());

        assertValidationError("Attempted conditional constraint is not an indexable operation",
                () -> dynamo.query(query -> query.tableName(table).keyConditions(conditions)));
    }

    @Test
    void partitionKeyConditionOtherThanEqualsIsRefused() {
        assertValidationError("Query key condition not supported", () -> dynamo.query(query -> query.tableName(table)
                .keyConditions(Map.of("pk", Condition.builder().comparisonOperator(ComparisonOperator.GT)
                        .attributeValueList(s(partition)).build()))));
    }

    @Test
    void keyConditionWithTheWrongNumberOfArgumentsIsRefused() {
        assertValidationError("One or more parameter values were invalid: Invalid number of argument(s) for the EQ "
                        + "ComparisonOperator",
                () -> dynamo.query(query -> query.tableName(table).keyConditions(Map.of("pk", Condition.builder()
                        .comparisonOperator(ComparisonOperator.EQ).attributeValueList(s(partition), s("x")).build()))));
    }

    @Test
    void betweenKeyConditionWithTheBoundsSwappedIsRefused() {
        Map<String, Condition> conditions = new HashMap<>(partitionIs());
        conditions.put("sk", Condition.builder().comparisonOperator(ComparisonOperator.BETWEEN)
                .attributeValueList(n(5), n(1)).build());

        assertValidationError("The BETWEEN condition was provided a range where the lower bound is greater than the "
                + "upper bound", () -> dynamo.query(query -> query.tableName(table).keyConditions(conditions)));
    }

    static Stream<Arguments> everyComparisonOperatorAsAFilter() {
        // Attribute "a" of items 1..6: "apple", 5, 0x0102, {x,y}, {1,2}, ["x"].
        List<Arguments> cases = new ArrayList<>();
        // operator, arguments, items matched; NOT_CONTAINS only among string, set and list values
        cases.add(Arguments.of("EQ", List.of(n(5)), "2"));
        cases.add(Arguments.of("NE", List.of(n(5)), "1,3,4,5,6"));
        cases.add(Arguments.of("LE", List.of(s("apple")), "1"));
        cases.add(Arguments.of("LT", List.of(n(6)), "2"));
        cases.add(Arguments.of("GE", List.of(b((byte) 1)), "3"));
        cases.add(Arguments.of("GT", List.of(s("a")), "1"));
        cases.add(Arguments.of("NOT_NULL", List.of(), "1,2,3,4,5,6"));
        cases.add(Arguments.of("NULL", List.of(), ""));
        cases.add(Arguments.of("CONTAINS", List.of(s("x")), "4,6"));
        cases.add(Arguments.of("CONTAINS", List.of(n(2)), "5"));
        cases.add(Arguments.of("NOT_CONTAINS", List.of(s("x")), "1"));
        cases.add(Arguments.of("BEGINS_WITH", List.of(s("app")), "1"));
        cases.add(Arguments.of("IN", List.of(s("pear"), s("apple")), "1"));
        cases.add(Arguments.of("BETWEEN", List.of(n(1), n(9)), "2"));
        return cases.stream();
    }

    /**
     * Legacy typing (API reference, Condition): a value of another type than the argument does not
     * match, so NE matches it and the ordering operators do not; CONTAINS tests substrings and set
     * or list membership. NOT_CONTAINS is checked among the string, set and list values only, where
     * the reference defines it, by ANDing a second condition on {@code other}.
     */
    @ParameterizedTest(name = "a {0} {1} matches {2}")
    @MethodSource("everyComparisonOperatorAsAFilter")
    void queryFilterAndScanFilterWithEachOperator(String operator, List<AttributeValue> arguments, String expected) {
        Map<String, Condition> filter = new HashMap<>();
        filter.put("a", Condition.builder().comparisonOperator(operator).attributeValueList(arguments).build());
        if (operator.equals("NOT_CONTAINS")) {
            filter.put("other", Condition.builder().comparisonOperator(ComparisonOperator.IN)
                    .attributeValueList(s("o1"), s("o4"), s("o6")).build());
        }
        Map<String, Condition> scanFilter = new HashMap<>(filter);
        scanFilter.put("pk", eq(s(partition)));

        QueryResponse queried = dynamo.query(query -> query.tableName(table).keyConditions(partitionIs())
                .queryFilter(filter));
        List<Map<String, AttributeValue>> scanned = dynamo.scan(scan -> scan.tableName(table).scanFilter(scanFilter)).items();

        assertEquals(numbers(expected), sortKeys(queried.items()));
        assertEquals(6, queried.scannedCount());
        assertEquals(new TreeSet<>(numbers(expected)), new TreeSet<>(sortKeys(scanned)));
    }

    @Test
    void filterConditionsAreAndedUnlessConditionalOperatorIsOr() {
        Map<String, Condition> filter = Map.of("a", eq(n(5)), "other", eq(s("o1")));

        QueryResponse both = dynamo.query(query -> query.tableName(table).keyConditions(partitionIs()).queryFilter(filter));
        QueryResponse either = dynamo.query(query -> query.tableName(table).keyConditions(partitionIs())
                .queryFilter(filter).conditionalOperator(ConditionalOperator.OR));

        assertEquals(List.of(), sortKeys(both.items()));
        assertEquals(List.of(1, 2), sortKeys(either.items()));
    }

    @Test
    void queryFilterOnAKeyAttributeIsRefused() {
        assertValidationError("QueryFilter can only contain non-primary key attributes: Primary key attribute: sk",
                () -> dynamo.query(query -> query.tableName(table).keyConditions(partitionIs())
                        .queryFilter(Map.of("sk", eq(n(1))))));
    }

    @ParameterizedTest(name = "{0} with {1} arguments")
    @CsvSource({"EQ, 0", "NE, 2", "LE, 2", "LT, 0", "GE, 2", "GT, 0", "CONTAINS, 2", "NOT_CONTAINS, 0",
            "BEGINS_WITH, 2", "NULL, 1", "NOT_NULL, 1", "IN, 0", "BETWEEN, 1", "BETWEEN, 3"})
    void filterWithTheWrongNumberOfArgumentsIsRefused(String operator, int count) {
        List<AttributeValue> arguments = new ArrayList<>();
        for (int i = 0; i < count; i++) arguments.add(s("v" + i));

        assertValidationError("One or more parameter values were invalid: Invalid number of argument(s) for the "
                        + operator + " ComparisonOperator", () -> dynamo.scan(scan -> scan.tableName(table)
                .scanFilter(Map.of("a", Condition.builder().comparisonOperator(operator).attributeValueList(arguments).build()))));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"LT, BOOL", "GE, NULL", "GT, SS", "LE, L", "IN, M", "CONTAINS, NS", "NOT_CONTAINS, L", "BEGINS_WITH, N",
            "BETWEEN, BOOL"})
    void filterArgumentOfATypeTheOperatorCannotTakeIsRefused(String operator, String type) {
        AttributeValue argument = switch (type) {
            case "BOOL" -> bool(true);
            case "NULL" -> AttributeValue.fromNul(true);
            case "SS" -> ss("a");
            case "NS" -> ns("1");
            case "L" -> l();
            case "M" -> AttributeValue.fromM(Map.of());
            case "N" -> n(1);
            default -> throw new IllegalArgumentException(type);
        };
        List<AttributeValue> arguments = operator.equals("BETWEEN") ? List.of(argument, argument) : List.of(argument);

        assertValidationError("One or more parameter values were invalid: ComparisonOperator " + operator
                        + " is not valid for " + type + " AttributeValue type", () -> dynamo.scan(scan -> scan.tableName(table)
                .scanFilter(Map.of("a", Condition.builder().comparisonOperator(operator).attributeValueList(arguments).build()))));
    }

    @Test
    void legacyParametersWithTheirExpressionCounterpartsAreRefused() {
        String prefix = "Can not use both expression and non-expression parameters in the same request: ";

        assertValidationError(prefix + "Non-expression parameters: {KeyConditions} Expression parameters: "
                + "{KeyConditionExpression}", () -> dynamo.query(query -> query.tableName(table).keyConditions(partitionIs())
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(partition)))));
        assertValidationError(prefix + "Non-expression parameters: {ScanFilter} Expression parameters: "
                + "{FilterExpression}", () -> dynamo.scan(scan -> scan.tableName(table).scanFilter(Map.of("a", eq(n(5))))
                .filterExpression("a = :five").expressionAttributeValues(Map.of(":five", n(5)))));
        assertValidationError(prefix + "Non-expression parameters: {AttributesToGet} Expression parameters: "
                + "{ProjectionExpression}", () -> dynamo.getItem(get -> get.tableName(table)
                .key(Map.of("pk", s(partition), "sk", n(1))).attributesToGet("a").projectionExpression("x")));
    }

    @Test
    void keyConditionsCombineWithAFilterExpressionAndAProjectionExpression() {
        QueryResponse response = dynamo.query(query -> query.tableName(table).keyConditions(partitionIs()).consistentRead(true)
                .filterExpression("a >= :min").projectionExpression("sk, a").expressionAttributeValues(Map.of(":min", n(3))));

        // Only sk 2 holds a number in a; the other five are read and left out by the filter.
        assertEquals(List.of(Map.of("sk", n(2), "a", n(5))), response.items());
        assertEquals(6, response.scannedCount());
    }

    @Test
    void countWithAttributesToGetIsRefused() {
        assertValidationError("Cannot specify the AttributesToGet when choosing to get only the Count",
                () -> dynamo.scan(scan -> scan.tableName(table).select(Select.COUNT).attributesToGet("a")));
    }

    @Test
    void expressionPlaceholdersWithoutAFilterExpressionAreRefused() {
        // Older answers name the missing expression; the current ones stop after "expressions".
        assertValidationErrorMatching("ExpressionAttributeValues can only be specified when using expressions"
                        + "(: FilterExpression is null)?",
                () -> dynamo.scan(scan -> scan.tableName(table).scanFilter(Map.of("a", eq(n(5))))
                        .expressionAttributeValues(Map.of(":five", n(5)))));
    }

    private static Map<String, Condition> partitionIs() {
        return Map.of("pk", eq(s(partition)));
    }

    private static Condition eq(AttributeValue value) {
        return Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(value).build();
    }

    private static List<Integer> sortKeys(List<Map<String, AttributeValue>> items) {
        return items.stream().map(item -> Integer.parseInt(item.get("sk").n())).toList();
    }

    private static List<Integer> numbers(String commaSeparated) {
        return commaSeparated.isEmpty() ? List.of() : Stream.of(commaSeparated.split(",")).map(Integer::valueOf).toList();
    }
}
