package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.b;
import static io.modyn.itests.support.AttributeValues.bool;
import static io.modyn.itests.support.AttributeValues.bs;
import static io.modyn.itests.support.AttributeValues.l;
import static io.modyn.itests.support.AttributeValues.m;
import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.ns;
import static io.modyn.itests.support.AttributeValues.nul;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.AttributeValues.ss;
import static io.modyn.itests.support.DynamoAssertions.assertConditionFailed;
import static io.modyn.itests.support.DynamoAssertions.assertSameItem;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorAnyRegion;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorStartingWith;
import static io.modyn.itests.support.Items.merged;
import static io.modyn.itests.support.StoredItems.assertUnchangedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.Placeholders;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.StoredItems;
import io.modyn.itests.support.TestTables;
import io.modyn.itests.support.WireClient;
import io.modyn.itests.support.WireResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * ConditionExpression: comparators, BETWEEN, IN, AND/OR/NOT with DynamoDB's precedence, the six
 * functions, document paths and placeholders, evaluated against one item holding every type; the
 * refusals with DynamoDB's messages; and ConditionalCheckFailedException on PutItem, UpdateItem
 * and DeleteItem.
 *
 * <p>The typing rules come from the developer guide, "Comparison operator and function reference":
 * a comparison of values of different types is false, not an error ({@code <>} is then true); an
 * attribute the item lacks compares false with anything, even another absent one ({@code <>}
 * true); sets are equal when they have the same members in any order. Only a constant of a type an
 * operator cannot take (from ExpressionAttributeValues) is a ValidationException.
 */
@ExtendWith(SharedModynServer.class)
class ConditionExpressionTest {

    /** The constants conditions may use; each request gets exactly the ones its condition names. */
    private static final Map<String, AttributeValue> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put(":hello", s("hello"));
        VALUES.put(":world", s("world"));
        VALUES.put(":dog", s("dog"));
        VALUES.put(":hel", s("hel"));
        VALUES.put(":ell", s("ell"));
        VALUES.put(":deep", s("deep"));
        VALUES.put(":a", s("a"));
        VALUES.put(":dot", s("dot"));
        VALUES.put(":fiveText", s("5"));
        VALUES.put(":zero", n(0));
        VALUES.put(":one", n(1));
        VALUES.put(":two", n(2));
        VALUES.put(":three", n(3));
        VALUES.put(":four", n(4));
        VALUES.put(":five", n(5));
        VALUES.put(":fivePointZero", n("5.0"));
        VALUES.put(":six", n(6));
        VALUES.put(":ten", n(10));
        VALUES.put(":bigger", n("12345678901234567890123456789012345679"));
        VALUES.put(":true", bool(true));
        VALUES.put(":null", nul());
        VALUES.put(":b123", b((byte) 1, (byte) 2, (byte) 3));
        VALUES.put(":b12", b((byte) 1, (byte) 2));
        VALUES.put(":b23", b((byte) 2, (byte) 3));
        VALUES.put(":bff", b((byte) 0xff));
        VALUES.put(":list", l(n(1), s("dog"), l(n(2), n(3))));
        VALUES.put(":pair", l(n(2), n(3)));
        VALUES.put(":map", m(Map.of("x", n(1), "y", m(Map.of("z", s("deep"))))));
        VALUES.put(":ssBA", ss("b", "a"));
        VALUES.put(":ssA", ss("a"));
        VALUES.put(":ns321", ns("3", "2", "1"));
    }

    private static DynamoDbClient dynamo;
    private static WireClient wire;
    private static String table;
    private static Map<String, AttributeValue> probeKey;

    @BeforeAll
    static void createTableWithProbeItem(ModynServer server, WireClient wireClient) {
        dynamo = DynamoDbClients.withoutRetries(server);
        wire = wireClient;
        table = TestTables.createHashTable(dynamo, "condition", ScalarAttributeType.S);
        probeKey = Map.of("pk", s("probe-" + UUID.randomUUID()));
        Map<String, AttributeValue> item = new LinkedHashMap<>(probeKey);
        item.put("s", s("hello"));
        item.put("s2", s("hello"));
        item.put("capital", s("Zebra"));
        item.put("blank", s(""));
        item.put("n", n(5));
        item.put("big", n("12345678901234567890123456789012345678"));
        item.put("b", b((byte) 1, (byte) 2, (byte) 3));
        item.put("t", bool(true));
        item.put("nul", nul());
        item.put("l", l(n(1), s("dog"), l(n(2), n(3))));
        item.put("m", m(Map.of("x", n(1), "y", m(Map.of("z", s("deep"))))));
        item.put("ss", ss("a", "b"));
        item.put("ns", ns("1", "2", "3"));
        item.put("bs", bs(new byte[] {1}, new byte[] {2}));
        item.put("dotted.part", s("dot"));
        dynamo.putItem(put -> put.tableName(table).item(item));
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "s = :hello              | true",
            "s = s2                  | true",
            "s <> :world             | true",
            "n < :six                | true",
            "n <= :five              | true",
            "n > :four               | true",
            "n >= :six               | false",
            "n = :fivePointZero      | true",
            "big < :bigger           | true",
            // Strings order by their UTF-8 bytes: upper case before lower case.
            "capital < s             | true",
            "s < :world              | true",
            // Binary orders by unsigned bytes, and a prefix before the longer value.
            "b < :bff                | true",
            ":b12 < b                | true",
            "b = :b123               | true",
            "t = :true               | true",
            "nul = :null             | true",
            "l = :list               | true",
            "m = :map                | true",
            "ss = :ssBA              | true",
            "ns = :ns321             | true",
            "ss = :ssA               | false",
    })
    void comparisonOfValuesOfOneType(String condition, boolean expected) {
        assertEquals(expected, holds(condition));
    }

    /** Different types never compare equal, less or greater; the comparison is false, not an error. */
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "n = :fiveText           | false",
            "n <> :fiveText          | true",
            "n < :fiveText           | false",
            "n >= :fiveText          | false",
            "s > :five               | false",
            "t = :one                | false",
            "n = s                   | false",
            "l < :five               | false",
            "m > :one                | false",
            "ss = :ns321             | false",
    })
    void comparisonOfValuesOfDifferentTypesIsFalse(String condition, boolean expected) {
        assertEquals(expected, holds(condition));
    }

    /** An attribute the item lacks equals nothing, not even another absent attribute. */
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "absent = :five         | false",
            "absent <> :five        | true",
            "absent < :five         | false",
            ":five >= absent        | false",
            "absent = gone          | false",
            "absent <> gone         | true",
            "absent BETWEEN :one AND :ten | false",
            "absent IN (:one, :five) | false",
    })
    void missingAttributeComparesFalse(String condition, boolean expected) {
        assertEquals(expected, holds(condition));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "n BETWEEN :four AND :six       | true",
            "n BETWEEN :five AND :five      | true",
            "n BETWEEN :six AND :ten        | false",
            "s BETWEEN :a AND :world        | true",
            "n BETWEEN :a AND :world        | false",
            "n IN (:one, :five)             | true",
            "n IN (:one, :four)             | false",
            "n IN (:fiveText, :five)        | true",
            "s IN (:world, :hello)          | true",
            "ss IN (:ssBA)                  | true",
    })
    void betweenIsInclusiveAndInTestsEquality(String condition, boolean expected) {
        assertEquals(expected, holds(condition));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "attribute_exists(s)            | true",
            "attribute_exists(absent)      | false",
            "attribute_not_exists(absent)  | true",
            "attribute_not_exists(s)        | false",
            "attribute_exists(nul)          | true",
            "attribute_exists(blank)        | true",
            "attribute_exists(m.y.z)        | true",
            "attribute_exists(m.y.q)        | false",
            "attribute_exists(l[2][1])      | true",
            "attribute_exists(l[3])         | false",
            "begins_with(s, :hel)           | true",
            "begins_with(s, :ell)           | false",
            "begins_with(b, :b12)           | true",
            "begins_with(n, :hel)           | false",
            "begins_with(absent, :hel)     | false",
            "contains(s, :ell)              | true",
            "contains(s, :dog)              | false",
            "contains(b, :b23)              | true",
            "contains(ss, :a)               | true",
            "contains(ns, :one)             | true",
            "contains(ns, :ten)             | false",
            "contains(l, :dog)              | true",
            "contains(l, :pair)             | true",
            "contains(n, :five)             | false",
            "contains(absent, :a)          | false",
    })
    void functionsOnEachType(String condition, boolean expected) {
        assertEquals(expected, holds(condition));
    }

    /** size(): characters of a string, bytes of a binary, members of a set, list or map; other types have none. */
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "size(s) = :five     | true",
            "size(blank) = :zero | true",
            "size(b) = :three    | true",
            "size(ss) = :two     | true",
            "size(ns) = :three   | true",
            "size(l) = :three    | true",
            "size(m) = :two      | true",
            "size(l[2]) = :two   | true",
            "size(s) > :four     | true",
            "size(s) = n         | true",
            "size(n) = :one      | false",
            "size(t) = :one      | false",
            "size(nul) = :one    | false",
            "size(absent) = :zero | false",
            "size(s) = :fiveText | false",
    })
    void sizeOfEachType(String condition, boolean expected) {
        assertEquals(expected, holds(condition));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "s | S", "n | N", "b | B", "t | BOOL", "nul | NULL", "l | L", "m | M", "ss | SS", "ns | NS", "bs | BS",
    })
    void attributeTypeNamesEachType(String attribute, String type) {
        assertTrue(holds("attribute_type(" + attribute + ", :type)", Map.of(":type", s(type)), Map.of()));
        String other = type.equals("S") ? "N" : "S";
        assertFalse(holds("attribute_type(" + attribute + ", :type)", Map.of(":type", s(other)), Map.of()));
    }

    /**
     * Precedence from the developer guide: comparisons, then BETWEEN and IN, then functions, then NOT,
     * AND, OR. With T = {@code n = :five} and F = {@code n = :six}, each case below is true under one
     * grouping and false under the other.
     */
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "n = :five OR n = :six AND n = :six          | true",
            "(n = :five OR n = :six) AND n = :six        | false",
            "NOT n = :five AND n = :six                  | false",
            "NOT n = :five OR n = :five                  | true",
            "NOT (n = :five OR n = :five)                | false",
            "NOT NOT NOT NOT n = :five                   | true",
            "n BETWEEN :four AND :six AND s = :hello     | true",
            "n IN (:one, :five) AND NOT s IN (:world)    | true",
            "s = :hello aNd n = :six oR n = :five        | true",
            "not n = :six and n between :four and :six and n in (:five) | true",
    })
    void precedenceAndParentheses(String condition, boolean expected) {
        assertEquals(expected, holds(condition));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "m.x = :one           | true",
            "m.y.z = :deep        | true",
            "l[1] = :dog          | true",
            "l[2][0] = :two       | true",
            "m.x.y = :one         | false",
            "l[0].x = :one        | false",
            "m[0] = :one          | false",
            "l[7] = :one          | false",
    })
    void documentPathsReachIntoMapsAndLists(String condition, boolean expected) {
        assertEquals(expected, holds(condition));
    }

    @Test
    void namePlaceholdersStandForPathElementsReservedWordsAndDottedNames() {
        assertTrue(holds("#m.#x = :one", VALUES, Map.of("#m", "m", "#x", "x")));
        assertTrue(holds("#dotted = :dot", VALUES, Map.of("#dotted", "dotted.part")));
        assertTrue(holds("attribute_not_exists(#status)", VALUES, Map.of("#status", "status")));
        // Without a placeholder the dot separates path elements: member "part" of an attribute "dotted".
        assertFalse(holds("attribute_exists(dotted.part)"));
    }

    @Test
    void inAcceptsNinetyNineOperands() {
        Map<String, AttributeValue> values = IntStream.range(0, 99).boxed()
                .collect(Collectors.toMap(i -> ":v" + i, i -> n(i)));
        String list = IntStream.range(0, 99).mapToObj(i -> ":v" + i).collect(Collectors.joining(", "));

        assertTrue(holds("n IN (" + list + ")", values, Map.of()));
    }

    @Test
    void inWithMoreThanOneHundredOperandsIsRefused() {
        Map<String, AttributeValue> values = IntStream.range(0, 101).boxed()
                .collect(Collectors.toMap(i -> ":v" + i, i -> n(i)));
        String list = IntStream.range(0, 101).mapToObj(i -> ":v" + i).collect(Collectors.joining(", "));

        assertUnchangedBy(dynamo, table, probeKey, () -> assertValidationErrorStartingWith(
                "Invalid ConditionExpression: The IN operator is provided with too many operands; number of operands: ",
                () -> dynamo.updateItem(probe("n IN (" + list + ")", values, Map.of()))));
    }

    // ---- Refusals ----

    @ParameterizedTest(name = "«{0}»")
    @CsvSource(delimiter = '|', value = {
            "''                                 | Invalid ConditionExpression: The expression can not be empty;",
            "s = = :hello                       | Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = :hello\"",
            "n = :five AND                      | Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"",
            "s IN ()                            | Invalid ConditionExpression: Syntax error; token: \")\", near: \"()\"",
            "status = :hello                    | Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status",
            "#nope = :hello                     | Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #nope",
            ":nope = s                          | Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :nope",
            "dog(s) = :one                      | Invalid ConditionExpression: Invalid function name; function: dog",
            "size(s)                            | Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size",
            "attribute_exists(s) = :true        | Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists",
            "if_not_exists(s, :hello) = :hello  | Invalid ConditionExpression: The function is not allowed in a condition expression; function: if_not_exists",
            "attribute_exists(s, n)             | Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2",
            "begins_with(s)                     | Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 1",
            "attribute_exists(:hello)           | Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists",
            "begins_with(s, :five)              | Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
            "n = n                              | Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [n]",
            "n BETWEEN :ten AND :one            | Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:10}, upper bound operand: AttributeValue: {N:1}",
            "n BETWEEN :one AND :world          | Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:world}",
            "n = :five AND ((n = :five AND s = :hello)) AND s = :hello | Invalid ConditionExpression: The expression has redundant parentheses;",
    })
    void refusedCondition(String condition, String message) {
        assertUnchangedBy(dynamo, table, probeKey, () -> assertValidationErrorAnyRegion(message,
                () -> dynamo.updateItem(probe(condition, VALUES, Map.of()))));
    }

    @Test
    void unknownTypeNameForAttributeTypeIsRefused() {
        assertValidationErrorStartingWith("Invalid ConditionExpression: Invalid attribute type name found; type: dog, valid types: {",
                () -> dynamo.updateItem(probe("attribute_type(s, :dog)", VALUES, Map.of())));
    }

    /** Only a constant of a type the comparator cannot order is an error; an item's value of that type is just false. */
    @Test
    void orderingComparisonWithAListConstantIsRefused() {
        assertValidationErrorStartingWith("Invalid ConditionExpression: Incorrect operand type for operator or function; "
                + "operator or function: <, operand type: ", () -> dynamo.updateItem(probe("n < :list", VALUES, Map.of())));
    }

    @Test
    void unusedNamePlaceholderIsRefused() {
        assertValidationErrorAnyRegion("Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}",
                () -> dynamo.updateItem(probe("s = :hello", VALUES, Map.of("#unused", "x"))));
    }

    @Test
    void unusedValuePlaceholderIsRefused() {
        assertValidationErrorAnyRegion("Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}",
                () -> dynamo.updateItem(update -> update.tableName(table).key(probeKey)
                        .updateExpression("SET probe = :probe").conditionExpression("s = :hello")
                        .expressionAttributeValues(Map.of(":hello", s("hello"), ":probe", n(0), ":unused", n(1)))));
    }

    @Test
    void placeholderKeysMustBeWellFormed() {
        assertValidationErrorAnyRegion("ExpressionAttributeValues contains invalid key: Syntax error; key: \"hello\"",
                () -> dynamo.putItem(put -> put.tableName(table).item(Map.of("pk", s("x")))
                        .conditionExpression("s = :hello").expressionAttributeValues(Map.of("hello", s("x")))));
        assertValidationErrorAnyRegion("ExpressionAttributeNames contains invalid key: Syntax error; key: \"s\"",
                () -> dynamo.putItem(put -> put.tableName(table).item(Map.of("pk", s("x")))
                        .conditionExpression("attribute_exists(s)").expressionAttributeNames(Map.of("s", "s"))));
    }

    @Test
    void emptyPlaceholderMapsAreRefused() {
        WireResponse noValues = wire.post("PutItem").body("{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"x\"}},"
                + "\"ConditionExpression\":\"attribute_not_exists(a)\",\"ExpressionAttributeValues\":{}}").send();
        WireResponse noNames = wire.post("PutItem").body("{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"x\"}},"
                + "\"ConditionExpression\":\"attribute_not_exists(a)\",\"ExpressionAttributeNames\":{}}").send();

        assertTrue(String.valueOf(noValues.errorMessage()).matches("(1 validation error detected: )?"
                + "ExpressionAttributeValues must not be empty"), noValues::toString);
        assertTrue(String.valueOf(noNames.errorMessage()).matches("(1 validation error detected: )?"
                + "ExpressionAttributeNames must not be empty"), noNames::toString);
    }

    // ---- ConditionalCheckFailedException on each write ----

    @Test
    void conditionalPutReplacesOnlyWhenTheConditionHolds() {
        Map<String, AttributeValue> key = Map.of("pk", s(UUID.randomUUID().toString()));
        dynamo.putItem(put -> put.tableName(table).item(merged(key, Map.of("v", n(1)))));

        dynamo.putItem(put -> put.tableName(table).item(merged(key, Map.of("v", n(2))))
                .conditionExpression("v = :one").expressionAttributeValues(Map.of(":one", n(1))));
        ConditionalCheckFailedException failure = assertConditionFailed(() -> dynamo.putItem(put -> put.tableName(table)
                .item(merged(key, Map.of("v", n(3)))).conditionExpression("v = :one")
                .expressionAttributeValues(Map.of(":one", n(1)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));

        assertSameItem(merged(key, Map.of("v", n(2))), failure.item());
        assertSameItem(merged(key, Map.of("v", n(2))), StoredItems.get(dynamo, table, key));
    }

    @Test
    void conditionalDeleteDeletesOnlyWhenTheConditionHolds() {
        Map<String, AttributeValue> key = Map.of("pk", s(UUID.randomUUID().toString()));
        dynamo.putItem(put -> put.tableName(table).item(merged(key, Map.of("v", n(1)))));

        ConditionalCheckFailedException failure = assertConditionFailed(() -> dynamo.deleteItem(delete -> delete
                .tableName(table).key(key).conditionExpression("v = :two").expressionAttributeValues(Map.of(":two", n(2)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertSameItem(merged(key, Map.of("v", n(1))), failure.item());
        assertSameItem(merged(key, Map.of("v", n(1))), StoredItems.get(dynamo, table, key));

        dynamo.deleteItem(delete -> delete.tableName(table).key(key)
                .conditionExpression("v = :one").expressionAttributeValues(Map.of(":one", n(1))));
        assertEquals(null, StoredItems.get(dynamo, table, key));
    }

    @Test
    void conditionalUpdateIsTheSameLanguage() {
        assertTrue(holds("attribute_exists(pk) AND size(s) BETWEEN :four AND :six"));
        assertFalse(holds("attribute_not_exists(pk)"));
    }

    // ---- helpers ----

    /** Whether {@code condition} holds for the probe item, using the shared constants it names. */
    private static boolean holds(String condition) {
        return holds(condition, VALUES, Map.of());
    }

    /**
     * Whether {@code condition} holds for the probe item: an UpdateItem that only touches the
     * attribute {@code probe} succeeds, or fails with ConditionalCheckFailedException.
     */
    private static boolean holds(String condition, Map<String, AttributeValue> values, Map<String, String> names) {
        try {
            dynamo.updateItem(probe(condition, values, names));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static UpdateItemRequest probe(String condition, Map<String, AttributeValue> values, Map<String, String> names) {
        Map<String, AttributeValue> used = new LinkedHashMap<>(Placeholders.valuesUsed(values, condition));
        used.put(":probe", n(System.nanoTime() % 1000));
        UpdateItemRequest.Builder request = UpdateItemRequest.builder().tableName(table).key(probeKey)
                .updateExpression("SET probe = :probe")
                .conditionExpression(condition)
                .expressionAttributeValues(used);
        if (!names.isEmpty()) request.expressionAttributeNames(names);
        return request.build();
    }
}
