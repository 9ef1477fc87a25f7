package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.b;
import static io.modyn.itests.support.AttributeValues.bool;
import static io.modyn.itests.support.AttributeValues.l;
import static io.modyn.itests.support.AttributeValues.m;
import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.ns;
import static io.modyn.itests.support.AttributeValues.nul;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.AttributeValues.ss;
import static io.modyn.itests.support.DynamoAssertions.assertSameItem;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorAnyRegion;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorOneOf;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorStartingWith;
import static io.modyn.itests.support.Items.merged;
import static io.modyn.itests.support.StoredItems.assertUnchangedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.StoredItems;
import io.modyn.itests.support.TestTables;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * UpdateExpression: SET (with {@code +}, {@code -}, {@code if_not_exists}, {@code list_append}),
 * REMOVE (including list elements), ADD and DELETE, on top-level and nested document paths; and
 * every way an expression is refused, with DynamoDB's message, leaving the item as it was.
 *
 * <p>Messages follow the DynamoDB API reference (UpdateItem) and what dynalite's and Alternator's
 * suites, which run against DynamoDB, assert.
 */
@ExtendWith(SharedModynServer.class)
class UpdateExpressionTest {

    private static DynamoDbClient dynamo;
    private static String table;
    private static String rangeTable;

    @BeforeAll
    static void createTables(ModynServer server) {
        dynamo = DynamoDbClients.withoutRetries(server);
        table = TestTables.createHashTable(dynamo, "update-expr", ScalarAttributeType.S);
        rangeTable = TestTables.createHashRangeTable(dynamo, "update-expr-range", ScalarAttributeType.S, ScalarAttributeType.N);
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    // ---- SET ----

    @Test
    void clauseKeywordsAreCaseInsensitiveAndWhitespaceIsFree() {
        Map<String, AttributeValue> key = item(Map.of());

        update(key, "  sEt   a=:a ,b =  :b  ", Map.of(":a", n(1), ":b", n(2)));

        assertSameItem(merged(key, Map.of("a", n(1), "b", n(2))), stored(key));
    }

    @Test
    void setCopiesAnotherAttributeIncludingANestedOne() {
        Map<String, AttributeValue> key = item(Map.of("a", s("hello"), "m", m(Map.of("x", l(n(7), n(8))))));

        update(key, "SET b = a, c = m.x[1]", null);

        assertEquals(s("hello"), stored(key).get("b"));
        assertEquals(n(8), stored(key).get("c"));
    }

    @Test
    void rightHandSidesReadTheItemAsItWasBeforeTheUpdate() {
        Map<String, AttributeValue> key = item(Map.of("a", s("old")));

        update(key, "REMOVE a SET b = a", null);

        assertSameItem(merged(key, Map.of("b", s("old"))), stored(key));
    }

    @Test
    void plusAndMinusWorkOnNumbersFromTheItemAndTheRequest() {
        Map<String, AttributeValue> key = item(Map.of("a", n(10)));

        update(key, "SET b = a + :one, c = :one - a, d = :one + :one", Map.of(":one", n(1)));

        Map<String, AttributeValue> item = stored(key);
        assertEquals(n(11), item.get("b"));
        assertEquals(n(-9), item.get("c"));
        assertEquals(n(2), item.get("d"));
    }

    @Test
    void ifNotExistsTakesTheAttributeWhenPresentAndTheDefaultWhenNot() {
        Map<String, AttributeValue> key = item(Map.of("present", n(1)));

        update(key, "SET present = if_not_exists(present, :d), absent = if_not_exists(absent, :d)",
                Map.of(":d", n(100)));

        assertEquals(n(1), stored(key).get("present"));
        assertEquals(n(100), stored(key).get("absent"));
    }

    @Test
    void ifNotExistsCombinesWithPlusForACounter() {
        Map<String, AttributeValue> key = item(Map.of());

        update(key, "SET hits = if_not_exists(hits, :zero) + :one", Map.of(":zero", n(0), ":one", n(1)));
        update(key, "SET hits = if_not_exists(hits, :zero) + :one", Map.of(":zero", n(0), ":one", n(1)));

        assertEquals(n(2), stored(key).get("hits"));
    }

    @Test
    void listAppendConcatenatesInEitherOrder() {
        Map<String, AttributeValue> key = item(Map.of("l", l(s("b"))));

        update(key, "SET l = list_append(l, :tail)", Map.of(":tail", l(s("c"))));
        update(key, "SET l = list_append(:head, l)", Map.of(":head", l(s("a"))));

        assertEquals(l(s("a"), s("b"), s("c")), stored(key).get("l"));
    }

    @Test
    void setReplacesAMapMemberOrAddsANewOne() {
        Map<String, AttributeValue> key = item(Map.of("m", m(Map.of("x", n(1), "keep", n(0)))));

        update(key, "SET m.x = :v, m.y = :w", Map.of(":v", s("replaced"), ":w", s("added")));

        assertSameItem(merged(key, Map.of("m", m(Map.of("x", s("replaced"), "keep", n(0), "y", s("added"))))), stored(key));
    }

    @Test
    void setReplacesAListElementInsideNestedDocuments() {
        Map<String, AttributeValue> key = item(Map.of("m", m(Map.of("l", l(n(1), m(Map.of("z", l(n(3), n(5), n(7)))))))));

        update(key, "SET m.l[1].#z[1] = :v", Map.of(":v", n(9)), Map.of("#z", "z"));

        assertEquals(m(Map.of("l", l(n(1), m(Map.of("z", l(n(3), n(9), n(7))))))), stored(key).get("m"));
    }

    /** Developer guide, "Adding elements to a list": SET past the end appends, in element-number order. */
    @Test
    void setPastTheEndOfAListAppendsInOrderOfTheIndexes() {
        Map<String, AttributeValue> key = item(Map.of("l", l(s("zero"), s("one"))));

        update(key, "SET l[84] = :a, l[37] = :b, l[9] = :c", Map.of(":a", s("last"), ":b", s("middle"), ":c", s("first")));

        assertEquals(l(s("zero"), s("one"), s("first"), s("middle"), s("last")), stored(key).get("l"));
    }

    @Test
    void nameWithADotFromExpressionAttributeNamesIsOneTopLevelAttribute() {
        Map<String, AttributeValue> key = item(Map.of());

        update(key, "SET #dotted = :v", Map.of(":v", n(3)), Map.of("#dotted", "a.b"));

        assertSameItem(merged(key, Map.of("a.b", n(3))), stored(key));
    }

    @Test
    void emptyStringsBinariesListsAndMapsMayBeSet() {
        Map<String, AttributeValue> key = item(Map.of());

        update(key, "SET s = :s, b = :b, l = :l, m = :m",
                Map.of(":s", s(""), ":b", b(), ":l", l(), ":m", m(Map.of())));

        assertSameItem(merged(key, Map.of("s", s(""), "b", b(), "l", l(), "m", m(Map.of()))), stored(key));
    }

    // ---- REMOVE ----

    @Test
    void removeDeletesTopLevelAndNestedAttributes() {
        Map<String, AttributeValue> key = item(Map.of("a", n(1), "b", n(2), "m", m(Map.of("x", n(1), "y", n(2)))));

        update(key, "REMOVE a, m.x", null);

        assertSameItem(merged(key, Map.of("b", n(2), "m", m(Map.of("y", n(2))))), stored(key));
    }

    /** REMOVE of list elements counts indexes in the list as it was: the later elements shift left. */
    @Test
    void removeOfListElementsUsesTheOriginalIndexes() {
        Map<String, AttributeValue> key = item(Map.of("l", l(n(0), n(1), n(2), n(3), n(4))));

        update(key, "REMOVE l[1], l[3]", null);

        assertEquals(l(n(0), n(2), n(4)), stored(key).get("l"));
    }

    @Test
    void removeAndSetInOneExpressionBothCountFromTheOriginalList() {
        Map<String, AttributeValue> key = item(Map.of("l", l(n(2), n(3), n(4), n(5), n(6), n(7))));

        update(key, "SET l[3] = :v REMOVE l[1]", Map.of(":v", n(17)));

        assertEquals(l(n(2), n(4), n(17), n(6), n(7)), stored(key).get("l"));
    }

    @Test
    void removeOfTheOnlyElementLeavesAnEmptyListOrMap() {
        Map<String, AttributeValue> key = item(Map.of("l", l(n(1)), "m", m(Map.of("single", n(1)))));

        update(key, "REMOVE l[0], m.single", null);

        assertSameItem(merged(key, Map.of("l", l(), "m", m(Map.of()))), stored(key));
    }

    @Test
    void removeOfWhatIsNotThereChangesNothing() {
        Map<String, AttributeValue> item = Map.of("m", m(Map.of("x", n(3))), "l", l(s("hi")));
        Map<String, AttributeValue> key = item(item);

        update(key, "REMOVE m.y, l[7], absent", null);

        assertSameItem(merged(key, item), stored(key));
    }

    // ---- ADD and DELETE ----

    @Test
    void addIncrementsANumberAndStartsAMissingOneFromZero() {
        Map<String, AttributeValue> key = item(Map.of("count", n(3)));

        update(key, "ADD #c :five, fresh :minus", Map.of(":five", n(5), ":minus", n(-2)), Map.of("#c", "count"));

        assertEquals(n(8), stored(key).get("count"));
        assertEquals(n(-2), stored(key).get("fresh"));
    }

    @Test
    void addUnitesSetsAndStartsAMissingSet() {
        Map<String, AttributeValue> key = item(Map.of("tags", ss("a", "b")));

        update(key, "ADD tags :more, numbers :numbers", Map.of(":more", ss("b", "c"), ":numbers", ns("1", "2")));

        assertSameItem(merged(key, Map.of("tags", ss("a", "b", "c"), "numbers", ns("1", "2"))), stored(key));
    }

    @Test
    void deleteRemovesSetMembersAndTheAttributeWhenTheSetEmpties() {
        Map<String, AttributeValue> key = item(Map.of("tags", ss("a", "b", "c"), "extra", ss("x")));

        update(key, "DELETE tags :gone, extra :x, absent :x", Map.of(":gone", ss("a", "c", "not-there"), ":x", ss("x")));

        assertSameItem(merged(key, Map.of("tags", ss("b"))), stored(key));
    }

    @Test
    void allFourClausesMayAppearOnceEachInAnyOrder() {
        Map<String, AttributeValue> key = item(Map.of("r", n(1), "d", ss("x", "y")));

        update(key, "DELETE d :x ADD n :one REMOVE r SET s = :s", Map.of(":x", ss("x"), ":one", n(1), ":s", s("set")));

        assertSameItem(merged(key, Map.of("d", ss("y"), "n", n(1), "s", s("set"))), stored(key));
    }

    // ---- Refusals: each leaves the item untouched ----

    @Test
    void emptyExpressionIsRefused() {
        assertRefused(item(Map.of()), "Invalid UpdateExpression: The expression can not be empty;", "", null, null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SET a = :v SET b = :v          | SET",
            "REMOVE a SET b = :v REMOVE c   | REMOVE",
            "ADD n :one SET b = :v ADD m :one | ADD",
            "DELETE s :set SET b = :v DELETE t :set | DELETE",
    })
    void eachClauseMayAppearOnlyOnce(String expression, String clause) {
        assertRefused(item(Map.of()), "Invalid UpdateExpression: The \"" + clause
                + "\" section can only be used once in an update expression;", expression, valuesFor(expression), null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SET a = :v REMOVE a        | [a]       | [a]",
            "SET a = :v, a = :v         | [a]       | [a]",
            "SET a = :v, a.b = :v       | [a]       | [a, b]",
            "SET a.b.c = :v, a.b = :v   | [a, b, c] | [a, b]",
            "SET a[1] = :v, a[1][2] = :v | [a, [1]] | [a, [1], [2]]",
            "REMOVE a, a                | [a]       | [a]",
    })
    void overlappingPathsAreRefused(String expression, String one, String two) {
        assertRefused(item(Map.of()), "Invalid UpdateExpression: Two document paths overlap with each other; "
                + "must remove or rewrite one of these paths; path one: " + one + ", path two: " + two,
                expression, valuesFor(expression), null);
    }

    @Test
    void pathsThatOverlapOnlyAfterNameSubstitutionAreRefused() {
        assertRefused(item(Map.of()), "Invalid UpdateExpression: Two document paths overlap with each other; "
                        + "must remove or rewrite one of these paths; path one: [a], path two: [a]",
                "SET #one = :v, #two = :v", Map.of(":v", n(1)), Map.of("#one", "a", "#two", "a"));
    }

    @Test
    void mapAndListAccessOfTheSamePathConflict() {
        assertRefused(item(Map.of()), "Invalid UpdateExpression: Two document paths conflict with each other; "
                        + "must remove or rewrite one of these paths; path one: [a, b], path two: [a, [1]]",
                "SET a.b = :v, a[1] = :v", Map.of(":v", n(1)), null);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SET pk = :s", "REMOVE pk", "ADD pk :one", "DELETE pk :set", "SET pk.x = :s"})
    void partitionKeyCannotBeUpdated(String expression) {
        assertRefused(item(Map.of()), "One or more parameter values were invalid: Cannot update attribute pk. "
                + "This attribute is part of the key", expression, valuesFor(expression), null);
    }

    @Test
    void sortKeyCannotBeUpdatedEvenThroughANamePlaceholder() {
        Map<String, AttributeValue> key = Map.of("pk", s(UUID.randomUUID().toString()), "sk", n(1));
        dynamo.putItem(put -> put.tableName(rangeTable).item(merged(key, Map.of("a", n(1)))));

        assertUnchangedBy(dynamo, rangeTable, key, () -> assertValidationErrorAnyRegion(
                "One or more parameter values were invalid: Cannot update attribute sk. This attribute is part of the key",
                () -> dynamo.updateItem(update -> update.tableName(rangeTable).key(key)
                        .updateExpression("SET #s = :v").expressionAttributeNames(Map.of("#s", "sk"))
                        .expressionAttributeValues(Map.of(":v", n(2))))));
    }

    @Test
    void undefinedNamePlaceholderIsRefused() {
        assertRefused(item(Map.of()), "Invalid UpdateExpression: An expression attribute name used in the document "
                + "path is not defined; attribute name: #missing", "SET #missing = :v", Map.of(":v", n(1)), null);
    }

    @Test
    void undefinedValuePlaceholderIsRefused() {
        assertRefused(item(Map.of()), "Invalid UpdateExpression: An expression attribute value used in expression "
                + "is not defined; attribute value: :missing", "SET a = :missing", Map.of(":v", n(1)), null);
    }

    @Test
    void unusedNamePlaceholderIsRefused() {
        assertRefused(item(Map.of()), "Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}",
                "SET #a = :v", Map.of(":v", n(1)), Map.of("#a", "a", "#unused", "b"));
    }

    @Test
    void unusedValuePlaceholderIsRefused() {
        assertRefused(item(Map.of()), "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}",
                "SET a = :v", Map.of(":v", n(1), ":unused", n(2)), null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SET status = :v         | status",
            "SET a = :v REMOVE Name  | Name",
            "SET a = #b + COUNT      | COUNT",
    })
    void reservedWordAsANameIsRefused(String expression, String word) {
        Map<String, String> names = expression.contains("#b") ? Map.of("#b", "b") : null;
        assertRefused(item(Map.of()), "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: "
                + word, expression, valuesFor(expression), names);
    }

    /** A syntax error names the offending token and the text from the token before it to the token after. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SET a = :v REMOVE     | <EOF> | REMOVE",
            "SET a = b + c + d     | +     | c + d",
            "SET a = :v , , b = :v | ,     | , , b",
            "UPSERT a = :v         | UPSERT | UPSERT a",
    })
    void syntaxErrorNamesTheTokenAndWhereItIs(String expression, String token, String near) {
        assertRefused(item(Map.of()), "Invalid UpdateExpression: Syntax error; token: \"" + token + "\", near: \""
                + near + "\"", expression, valuesFor(expression), null);
    }

    @Test
    void valuePlaceholderAsAListIndexIsASyntaxError() {
        Map<String, AttributeValue> key = item(Map.of("l", l(n(1))));
        assertUnchangedBy(dynamo, table, key, () -> assertValidationErrorStartingWith(
                "Invalid UpdateExpression: Syntax error; token: \":i\"",
                () -> dynamo.updateItem(request(key, "SET l[:i] = :v", Map.of(":i", n(0), ":v", n(2)), null))));
    }

    @Test
    void unknownFunctionIsRefused() {
        assertRefused(item(Map.of("b", n(1))), "Invalid UpdateExpression: Invalid function name; function: f",
                "SET a = f(b)", null, null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SET a = if_not_exists(a)        | if_not_exists | 1",
            "SET a = list_append(:l)         | list_append   | 1",
            "SET a = list_append(:l, :l, :l) | list_append   | 3",
    })
    void functionWithTheWrongNumberOfOperandsIsRefused(String expression, String function, int operands) {
        assertRefused(item(Map.of()), "Invalid UpdateExpression: Incorrect number of operands for operator or function; "
                + "operator or function: " + function + ", number of operands: " + operands, expression, valuesFor(expression), null);
    }

    @Test
    void ifNotExistsNeedsADocumentPathFirst() {
        assertRefused(item(Map.of()), "Invalid UpdateExpression: Operator or function requires a document path; "
                + "operator or function: if_not_exists", "SET a = if_not_exists(:v, :w)", Map.of(":v", n(1), ":w", n(2)), null);
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiter = '|', value = {
            "SET a = b + :x           | S    | +",
            "SET a = :x - b           | BOOL | -",
            "SET a = list_append(:x, b) | N  | list_append",
            "SET a = list_append(b, :x) | SS | list_append",
    })
    void operandOfTheWrongTypeFromTheRequestIsRefused(String expression, String type, String operator) {
        assertRefused(item(Map.of("b", n(1))), "Invalid UpdateExpression: Incorrect operand type for operator or function; "
                + "operator or function: " + operator + ", operand type: " + type, expression, Map.of(":x", ofType(type)), null);
    }

    /**
     * ADD and DELETE name the operand type in words (STRING, NUMBER...), unlike the functions, and the
     * set of types allowed (as in DynamoDB's answers quoted in public issue reports).
     */
    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiter = '|', value = {
            "ADD a :x    | S    | ADD    | STRING",
            "ADD a :x    | BOOL | ADD    | BOOLEAN",
            "ADD a :x    | L    | ADD    | LIST",
            "ADD a :x    | M    | ADD    | MAP",
            "DELETE a :x | N    | DELETE | NUMBER",
            "DELETE a :x | S    | DELETE | STRING",
            "DELETE a :x | NULL | DELETE | NULL",
    })
    void addOrDeleteWithAnOperandOfTheWrongTypeIsRefused(String expression, String type, String operator, String typeName) {
        assertRefused(item(Map.of()), "Invalid UpdateExpression: Incorrect operand type for operator or function; "
                + "operator: " + operator + ", operand type: " + typeName + ", typeSet: ALLOWED_FOR_" + operator + "_OPERAND",
                expression, Map.of(":x", ofType(type)), null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ADD s :one",
            "ADD ss :numbers",
            "DELETE ss :numbers",
            "SET x = s + :one",
            "SET x = list_append(s, :list)",
    })
    void operandOfTheWrongTypeInTheItemIsRefused(String expression) {
        Map<String, AttributeValue> key = item(Map.of("s", s("text"), "ss", ss("a")));
        assertRefused(key, "An operand in the update expression has an incorrect data type", expression,
                valuesFor(expression), null);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SET a = absent", "SET a = absent + :one", "SET a = list_append(absent, :list)"})
    void readingAnAttributeTheItemLacksIsRefused(String expression) {
        assertRefused(item(Map.of("b", n(1))), "The provided expression refers to an attribute that does not exist in the item",
                expression, valuesFor(expression), null);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SET s.x = :v", "SET s[0] = :v", "SET m.absent.x = :v", "SET absent[0] = :v",
            "SET l.x = :v", "REMOVE s.x", "REMOVE absent.x"})
    void pathThroughAValueThatIsNotThereOrOfTheWrongKindIsRefused(String expression) {
        assertRefused(item(Map.of("s", s("text"), "m", m(Map.of()), "l", l(n(1)))),
                "The document path provided in the update expression is invalid for update", expression, valuesFor(expression), null);
    }

    @Test
    void emptySetValueIsRefused() {
        Map<String, AttributeValue> key = item(Map.of());
        assertUnchangedBy(dynamo, table, key, () -> assertValidationErrorOneOf(
                () -> dynamo.updateItem(request(key, "SET a = :v", Map.of(":v", ss()), null)),
                "One or more parameter values were invalid: An string set  may not be empty",
                "ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: "
                        + "An string set  may not be empty for key :v"));
    }

    @Test
    void expressionAttributeValuesWithoutAnyExpressionAreRefused() {
        Map<String, AttributeValue> key = item(Map.of());
        assertUnchangedBy(dynamo, table, key, () -> assertValidationErrorOneOf(
                () -> dynamo.updateItem(update -> update.tableName(table).key(key)
                        .expressionAttributeValues(Map.of(":v", n(1)))),
                "ExpressionAttributeValues can only be specified when using expressions",
                "ExpressionAttributeValues can only be specified when using expressions: "
                        + "UpdateExpression and ConditionExpression are null"));
    }

    @Test
    void expressionAttributeNamesWithoutAnyExpressionAreRefused() {
        Map<String, AttributeValue> key = item(Map.of());
        assertUnchangedBy(dynamo, table, key, () -> assertValidationErrorAnyRegion(
                "ExpressionAttributeNames can only be specified when using expressions",
                () -> dynamo.updateItem(update -> update.tableName(table).key(key)
                        .expressionAttributeNames(Map.of("#a", "a")))));
    }

    // ---- helpers ----

    private static void assertRefused(Map<String, AttributeValue> key, String message, String expression,
                                      Map<String, AttributeValue> values, Map<String, String> names) {
        assertUnchangedBy(dynamo, table, key, () -> assertValidationErrorAnyRegion(message,
                () -> dynamo.updateItem(request(key, expression, values, names))));
    }

    private static void update(Map<String, AttributeValue> key, String expression, Map<String, AttributeValue> values) {
        dynamo.updateItem(request(key, expression, values, null));
    }

    private static void update(Map<String, AttributeValue> key, String expression, Map<String, AttributeValue> values,
                               Map<String, String> names) {
        dynamo.updateItem(request(key, expression, values, names));
    }

    private static UpdateItemRequest request(Map<String, AttributeValue> key, String expression,
                                             Map<String, AttributeValue> values, Map<String, String> names) {
        UpdateItemRequest.Builder request = UpdateItemRequest.builder().tableName(table).key(key).updateExpression(expression);
        if (values != null) request.expressionAttributeValues(values);
        if (names != null) request.expressionAttributeNames(names);
        return request.build();
    }

    /** Stores an item with a fresh key and these attributes; answers the key. */
    private static Map<String, AttributeValue> item(Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> key = Map.of("pk", s(UUID.randomUUID().toString()));
        dynamo.putItem(put -> put.tableName(table).item(merged(key, attributes)));
        return key;
    }

    private static Map<String, AttributeValue> stored(Map<String, AttributeValue> key) {
        return StoredItems.get(dynamo, table, key);
    }

    /**
     * A value for every placeholder {@code expression} uses, from a fixed table, so a test about one
     * refusal does not trip over another (an undefined or unused value).
     */
    private static Map<String, AttributeValue> valuesFor(String expression) {
        Map<String, AttributeValue> values = new HashMap<>();
        Matcher placeholder = Pattern.compile(":[A-Za-z0-9_]+").matcher(expression);
        while (placeholder.find()) {
            values.put(placeholder.group(), switch (placeholder.group()) {
                case ":v", ":w", ":one" -> n(1);
                case ":s" -> s("text");
                case ":set" -> ss("x");
                case ":numbers" -> ns("1");
                case ":l", ":list" -> l(n(1));
                default -> throw new IllegalArgumentException("No value for " + placeholder.group());
            });
        }
        return values.isEmpty() ? null : values;
    }

    /** A value of the DynamoDB type named {@code type}. */
    private static AttributeValue ofType(String type) {
        return switch (type) {
            case "S" -> s("text");
            case "N" -> n(1);
            case "B" -> b((byte) 1);
            case "BOOL" -> bool(true);
            case "NULL" -> nul();
            case "L" -> l(n(1));
            case "M" -> m(Map.of("k", n(1)));
            case "SS" -> ss("a");
            case "NS" -> ns("1");
            default -> throw new IllegalArgumentException(type);
        };
    }
}
