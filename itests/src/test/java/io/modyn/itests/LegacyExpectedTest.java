package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.b;
import static io.modyn.itests.support.AttributeValues.bool;
import static io.modyn.itests.support.AttributeValues.l;
import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.ns;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.AttributeValues.ss;
import static io.modyn.itests.support.DynamoAssertions.assertConditionFailed;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorAnyRegion;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorOneOf;
import static io.modyn.itests.support.Items.merged;
import static io.modyn.itests.support.StoredItems.assertUnchangedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.StoredItems;
import io.modyn.itests.support.TestTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The legacy {@code Expected} parameter with {@code ConditionalOperator}, on PutItem, UpdateItem
 * and DeleteItem: the Exists/Value form, every ComparisonOperator with its argument-count rule
 * (developer guide, "Legacy conditional parameters": NULL and NOT_NULL take none, IN one or more,
 * BETWEEN two, the others one), and the refusals with DynamoDB's messages.
 */
@ExtendWith(SharedModynServer.class)
class LegacyExpectedTest {

    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void createTable(ModynServer server) {
        dynamo = DynamoDbClients.withoutRetries(server);
        table = TestTables.createHashTable(dynamo, "legacy-expected", ScalarAttributeType.S);
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @Test
    void existsFalseMeansTheAttributeIsAbsent() {
        Map<String, AttributeValue> key = item(Map.of("a", s("x")));

        rewrite(key, Map.of("b", expectAbsent()));
        assertUnchangedBy(dynamo, table, key, () -> assertConditionFailed(() -> rewrite(key, Map.of("a", expectAbsent()))));
    }

    @Test
    void valueAloneOrWithExistsTrueMeansEqual() {
        Map<String, AttributeValue> key = item(Map.of("a", s("x")));

        rewrite(key, Map.of("a", ExpectedAttributeValue.builder().value(s("x")).build()));
        rewrite(key, Map.of("a", ExpectedAttributeValue.builder().value(s("x")).exists(true).build()));
        assertConditionFailed(() -> rewrite(key, Map.of("a", ExpectedAttributeValue.builder().value(s("y")).build())));
        assertConditionFailed(() -> rewrite(key, Map.of("missing", ExpectedAttributeValue.builder().value(s("x")).build())));
    }

    @Test
    void expectedOnAMissingItemSeesNoAttributes() {
        Map<String, AttributeValue> key = Map.of("pk", s(UUID.randomUUID().toString()));

        assertConditionFailed(() -> rewrite(key, Map.of("pk", ExpectedAttributeValue.builder().value(key.get("pk")).build())));
        assertNull(StoredItems.get(dynamo, table, key));
        rewrite(key, Map.of("pk", expectAbsent()));
    }

    static Stream<Arguments> everyComparisonOperator() {
        List<Arguments> cases = new ArrayList<>();
        // operator, stored value of "a", arguments, expected outcome
        cases.add(Arguments.of("EQ", n(5), List.of(n(5)), true));
        cases.add(Arguments.of("EQ", n(5), List.of(s("5")), false));
        cases.add(Arguments.of("NE", n(5), List.of(n(6)), true));
        cases.add(Arguments.of("NE", n(5), List.of(n(5)), false));
        cases.add(Arguments.of("LE", s("b"), List.of(s("b")), true));
        cases.add(Arguments.of("LE", s("c"), List.of(s("b")), false));
        cases.add(Arguments.of("LT", b((byte) 1), List.of(b((byte) 2)), true));
        cases.add(Arguments.of("LT", n(5), List.of(n(5)), false));
        cases.add(Arguments.of("GE", n(5), List.of(n("5.0")), true));
        cases.add(Arguments.of("GE", n(4), List.of(n(5)), false));
        cases.add(Arguments.of("GT", s("b"), List.of(s("a")), true));
        cases.add(Arguments.of("GT", n(5), List.of(s("1")), false));
        cases.add(Arguments.of("NOT_NULL", s("x"), List.of(), true));
        cases.add(Arguments.of("NULL", s("x"), List.of(), false));
        cases.add(Arguments.of("CONTAINS", s("hello"), List.of(s("ell")), true));
        cases.add(Arguments.of("CONTAINS", ss("a", "b"), List.of(s("b")), true));
        cases.add(Arguments.of("CONTAINS", ns("1", "2"), List.of(n(3)), false));
        cases.add(Arguments.of("NOT_CONTAINS", s("hello"), List.of(s("bye")), true));
        cases.add(Arguments.of("NOT_CONTAINS", ss("a", "b"), List.of(s("a")), false));
        cases.add(Arguments.of("BEGINS_WITH", s("hello"), List.of(s("he")), true));
        cases.add(Arguments.of("BEGINS_WITH", b((byte) 1, (byte) 2), List.of(b((byte) 2)), false));
        cases.add(Arguments.of("IN", s("b"), List.of(s("a"), s("b")), true));
        cases.add(Arguments.of("IN", s("c"), List.of(s("a"), s("b")), false));
        cases.add(Arguments.of("BETWEEN", n(5), List.of(n(1), n(5)), true));
        cases.add(Arguments.of("BETWEEN", n(5), List.of(n(6), n(9)), false));
        return cases.stream();
    }

    @ParameterizedTest(name = "a = {1} {0} {2} is {3}")
    @MethodSource("everyComparisonOperator")
    void comparisonOperator(String operator, AttributeValue stored, List<AttributeValue> arguments, boolean holds) {
        Map<String, AttributeValue> key = item(Map.of("a", stored));
        ExpectedAttributeValue expected = ExpectedAttributeValue.builder()
                .comparisonOperator(operator).attributeValueList(arguments).build();

        if (holds) {
            dynamo.updateItem(update -> update.tableName(table).key(key).expected(Map.of("a", expected)));
        } else {
            assertUnchangedBy(dynamo, table, key, () -> assertConditionFailed(() -> dynamo.deleteItem(delete ->
                    delete.tableName(table).key(key).expected(Map.of("a", expected)))));
        }
    }

    @Test
    void nullAndNotNullTestPresenceNotTheNullType() {
        Map<String, AttributeValue> key = item(Map.of("present", s("x")));

        rewrite(key, Map.of("missing", operator(ComparisonOperator.NULL), "present", operator(ComparisonOperator.NOT_NULL)));
        assertConditionFailed(() -> rewrite(key, Map.of("present", operator(ComparisonOperator.NULL))));
    }

    @Test
    void conditionsAreAndedUnlessConditionalOperatorIsOr() {
        Map<String, AttributeValue> key = item(Map.of("a", s("x")));
        Map<String, ExpectedAttributeValue> oneTrueOneFalse = Map.of(
                "a", ExpectedAttributeValue.builder().value(s("x")).build(),
                "b", ExpectedAttributeValue.builder().value(s("y")).build());

        assertConditionFailed(() -> dynamo.putItem(put -> put.tableName(table).item(merged(key, Map.of("v", n(1))))
                .expected(oneTrueOneFalse)));
        assertConditionFailed(() -> dynamo.putItem(put -> put.tableName(table).item(merged(key, Map.of("v", n(1))))
                .expected(oneTrueOneFalse).conditionalOperator(ConditionalOperator.AND)));
        dynamo.putItem(put -> put.tableName(table).item(merged(key, Map.of("v", n(2))))
                .expected(oneTrueOneFalse).conditionalOperator(ConditionalOperator.OR));

        assertEquals(n(2), StoredItems.get(dynamo, table, key).get("v"));
    }

    @ParameterizedTest(name = "{0} with {1} arguments")
    @CsvSource({
            "EQ, 0", "EQ, 2", "NE, 0", "LE, 2", "LT, 2", "GE, 0", "GT, 2", "CONTAINS, 2", "NOT_CONTAINS, 0",
            "BEGINS_WITH, 2", "NULL, 1", "NOT_NULL, 1", "IN, 0", "BETWEEN, 1", "BETWEEN, 3",
    })
    void wrongNumberOfArgumentsIsRefused(String operator, int count) {
        Map<String, AttributeValue> key = item(Map.of("a", s("x")));
        List<AttributeValue> arguments = new ArrayList<>();
        for (int i = 0; i < count; i++) arguments.add(s("v" + i));

        assertUnchangedBy(dynamo, table, key, () -> assertValidationErrorAnyRegion("One or more parameter values were invalid: "
                        + "Invalid number of argument(s) for the " + operator + " ComparisonOperator",
                () -> rewrite(key, Map.of("a", ExpectedAttributeValue.builder().comparisonOperator(operator)
                        .attributeValueList(arguments).build()))));
    }

    @Test
    void inconsistentExpectationsAreRefused() {
        Map<String, AttributeValue> key = item(Map.of("a", s("x")));
        String prefix = "One or more parameter values were invalid: ";

        assertUnchangedBy(dynamo, table, key, () -> {
            assertValidationErrorAnyRegion(prefix + "Value must be provided when Exists is null for Attribute: a",
                    () -> rewrite(key, Map.of("a", ExpectedAttributeValue.builder().build())));
            assertValidationErrorAnyRegion(prefix + "Value must be provided when Exists is true for Attribute: a",
                    () -> rewrite(key, Map.of("a", ExpectedAttributeValue.builder().exists(true).build())));
            assertValidationErrorAnyRegion(prefix + "Value cannot be used when Exists is false for Attribute: a",
                    () -> rewrite(key, Map.of("a", ExpectedAttributeValue.builder().exists(false).value(s("x")).build())));
            assertValidationErrorAnyRegion(prefix + "Exists and ComparisonOperator cannot be used together for Attribute: a",
                    () -> rewrite(key, Map.of("a", ExpectedAttributeValue.builder().exists(true)
                            .comparisonOperator(ComparisonOperator.NOT_NULL).build())));
            assertValidationErrorAnyRegion(prefix + "Value and AttributeValueList cannot be used together for Attribute: a",
                    () -> rewrite(key, Map.of("a", ExpectedAttributeValue.builder().value(s("x"))
                            .attributeValueList(s("x")).comparisonOperator(ComparisonOperator.EQ).build())));
            assertValidationErrorAnyRegion(prefix + "AttributeValueList can only be used with a ComparisonOperator for Attribute: a",
                    () -> rewrite(key, Map.of("a", ExpectedAttributeValue.builder().attributeValueList(s("x")).build())));
            assertValidationErrorAnyRegion(prefix + "Value or AttributeValueList must be used with ComparisonOperator: LT for Attribute: a",
                    () -> rewrite(key, Map.of("a", ExpectedAttributeValue.builder()
                            .comparisonOperator(ComparisonOperator.LT).build())));
        });
    }

    @Test
    void argumentOfATypeTheOperatorCannotTakeIsRefused() {
        Map<String, AttributeValue> key = item(Map.of("a", s("x")));

        assertUnchangedBy(dynamo, table, key, () -> {
            assertValidationErrorAnyRegion("One or more parameter values were invalid: ComparisonOperator LT is not valid for "
                    + "BOOL AttributeValue type", () -> rewrite(key, Map.of("a", ExpectedAttributeValue.builder()
                    .comparisonOperator(ComparisonOperator.LT).attributeValueList(bool(true)).build())));
            assertValidationErrorAnyRegion("One or more parameter values were invalid: ComparisonOperator CONTAINS is not valid "
                    + "for L AttributeValue type", () -> rewrite(key, Map.of("a", ExpectedAttributeValue.builder()
                    .comparisonOperator(ComparisonOperator.CONTAINS).attributeValueList(l(n(1))).build())));
        });
    }

    @Test
    void expectedTogetherWithAConditionExpressionIsRefused() {
        Map<String, AttributeValue> key = item(Map.of("a", s("x")));

        assertUnchangedBy(dynamo, table, key, () -> assertValidationErrorAnyRegion("Can not use both expression and non-expression "
                        + "parameters in the same request: Non-expression parameters: {Expected} "
                        + "Expression parameters: {ConditionExpression}",
                () -> dynamo.putItem(put -> put.tableName(table).item(merged(key, Map.of("v", n(1))))
                        .expected(Map.of("a", expectAbsent())).conditionExpression("attribute_exists(a)"))));
    }

    @Test
    void expressionPlaceholdersWithoutExpressionsAreRefused() {
        Map<String, AttributeValue> key = item(Map.of("a", s("x")));

        assertUnchangedBy(dynamo, table, key, () -> {
            assertValidationErrorAnyRegion("ExpressionAttributeNames can only be specified when using expressions",
                    () -> dynamo.putItem(put -> put.tableName(table).item(key).expected(Map.of("a", expectAbsent()))
                            .expressionAttributeNames(Map.of("#a", "a"))));
            assertValidationErrorOneOf(() -> dynamo.deleteItem(delete -> delete.tableName(table).key(key)
                            .expressionAttributeValues(Map.of(":a", s("a")))),
                    "ExpressionAttributeValues can only be specified when using expressions",
                    "ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null");
        });
    }

    /** A PutItem that writes the item back as it is, guarded by {@code expected}: only the condition matters. */
    private static void rewrite(Map<String, AttributeValue> key, Map<String, ExpectedAttributeValue> expected) {
        Map<String, AttributeValue> current = StoredItems.get(dynamo, table, key);
        dynamo.putItem(put -> put.tableName(table).item(current == null ? key : current).expected(expected));
    }

    private static ExpectedAttributeValue expectAbsent() {
        return ExpectedAttributeValue.builder().exists(false).build();
    }

    private static ExpectedAttributeValue operator(ComparisonOperator operator) {
        return ExpectedAttributeValue.builder().comparisonOperator(operator).build();
    }

    private static Map<String, AttributeValue> item(Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> key = Map.of("pk", s(UUID.randomUUID().toString()));
        dynamo.putItem(put -> put.tableName(table).item(merged(key, attributes)));
        return key;
    }
}
