package io.modyn.engine.expr;

import static io.modyn.engine.expr.Values.b;
import static io.modyn.engine.expr.Values.bool;
import static io.modyn.engine.expr.Values.bs;
import static io.modyn.engine.expr.Values.item;
import static io.modyn.engine.expr.Values.l;
import static io.modyn.engine.expr.Values.m;
import static io.modyn.engine.expr.Values.n;
import static io.modyn.engine.expr.Values.names;
import static io.modyn.engine.expr.Values.ns;
import static io.modyn.engine.expr.Values.nul;
import static io.modyn.engine.expr.Values.s;
import static io.modyn.engine.expr.Values.ss;
import static io.modyn.engine.expr.Values.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.TableDefinition;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The errors DynamoDB gives for invalid update expressions, in its order; cases from dynalite's
 * test/updateItem.js and Alternator's test_update_expression.py, both run against DynamoDB.
 */
class UpdateExpressionErrorsTest {

    private static final Map<String, String> NAMES = names("#a", "a", "#b", "b");
    private static final Map<String, AttributeValue> VALUES = item(":a", s("a"), ":b", s("a"));

    private static String error(String text, Map<String, String> names, Map<String, AttributeValue> values, TableDefinition table) {
        ExpressionAttributes attributes = new ExpressionAttributes(names, values);
        return assertThrows(DynamoException.class, () -> UpdateExpressions.compile(text, attributes, table)).getMessage();
    }

    private static String error(String text, Map<String, String> names, Map<String, AttributeValue> values) {
        return error(text, names, values, null);
    }

    private static String error(String text) {
        return error(text, NAMES, VALUES);
    }

    @Test
    void emptyExpressionIsRejected() {
        assertEquals("Invalid UpdateExpression: The expression can not be empty;", error(""));
    }

    /** A reserved word is reported even when a clause is also repeated. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {" set #c = :c set abOrt = true |abOrt", " remove Absolute |Absolute"})
    void reservedWordsAsNamesAreRejected(String text, String word) {
        assertEquals("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: " + word, error(text));
    }

    @Test
    void unknownAndMisplacedFunctionsAreRejectedBeforeRepeatedClauses() {
        assertEquals("Invalid UpdateExpression: Invalid function name; function: if_not_exist", error("set #c = if_not_exist(:c) set c = d"));
        assertEquals("Invalid UpdateExpression: Invalid function name; function: f123_hi", error("SET a = f123_hi(b,c,d)"));
        assertEquals("Invalid UpdateExpression: Invalid function name; function: LIST_APPEND", error("SET a = LIST_APPEND(:a, :b)"));
        assertEquals("Invalid UpdateExpression: The function is not allowed in an update expression; function: size", error("SET a = size(b)"));
        // Alternator's test_update_expression_function_nesting: DynamoDB refuses list_append inside another call
        assertEquals("Invalid UpdateExpression: The function is not allowed to be used this way in an expression; function: list_append",
                error("SET a = list_append(list_append(:a, :b), :c)"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"set a = #c set c = :d|SET", "remove #d set a = b remove e|REMOVE",
            "add #d :e set a = b add e :f|ADD", "delete #d :e set a = b delete #e :f|DELETE"})
    void eachClauseAtMostOnce(String text, String clause) {
        assertEquals("Invalid UpdateExpression: The \"" + clause + "\" section can only be used once in an update expression;", error(text));
    }

    @Test
    void undefinedNamesComeBeforeUndefinedValues() {
        assertEquals("Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #c",
                error("SET a = :z, #c = if_not_exists(:c)"));
        assertEquals("Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :c",
                error("SET #a = if_not_exists(:c)"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "set d[1] = a, d.b = a, c[1].a = a, #c = if_not_exists(a)|[c, [1], a]|[c]",
            "set c.b.#c = a, c = a, #d = a|[c, b, c]|[c]",
            "set a = b remove a, #c, #d|[a]|[a]",
            "set #c[3].#d = a, #c[3] = a|[c, [3], [3]]|[c, [3]]",
            "remove c, #c.a, #d|[c]|[c, a]",
            "remove a, #c, a, #d|[a]|[a]",
            "SET a[1][1][1][1] = a, a[1][1] = b|[a, [1], [1], [1], [1]]|[a, [1], [1]]"})
    void overlappingTargetsAreRejected(String text, String one, String two) {
        assertEquals("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; "
                + "path one: " + one + ", path two: " + two, error(text, names("#c", "c", "#d", "[3]"), null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "set #c[3].#d = a, #c.#d[3] = if_not_exists(a)|[c, [3], [3]]|[c, [3], [3]]",
            "remove a.#c set a[1] = #d|[a, c]|[a, [1]]"})
    void conflictingTargetsAreRejected(String text, String one, String two) {
        assertEquals("Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; "
                + "path one: " + one + ", path two: " + two, error(text, names("#b", "b", "#c", "c", "#d", "[3]"), null));
    }

    static Stream<Arguments> wrongAddAndDeleteOperands() {
        return Stream.of(
                Arguments.of("set b = list_append(:a, a), c = if_not_exists(a) add a.b :a", s("a"), "ADD", "STRING"),
                Arguments.of("delete a.b :a", s("a"), "DELETE", "STRING"),
                Arguments.of("add a.b :a", nul(), "ADD", "NULL"),
                Arguments.of("delete a.b :a", bool(false), "DELETE", "BOOLEAN"),
                Arguments.of("add a.b :a", b("a"), "ADD", "BINARY"),
                Arguments.of("delete a.b :a", m("a", l(n("1"))), "DELETE", "MAP"),
                Arguments.of("add a.b :a", l(n("1")), "ADD", "LIST"),
                Arguments.of("delete a.b :a", n("1"), "DELETE", "NUMBER"));
    }

    /** The message names DynamoDB's internal type and the allowed type set (as DynamoDB reports it today). */
    @ParameterizedTest
    @MethodSource("wrongAddAndDeleteOperands")
    void addAndDeleteOperandsMustBeNumbersOrSets(String text, AttributeValue value, String operator, String type) {
        assertEquals("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: " + operator
                + ", operand type: " + type + ", typeSet: ALLOWED_FOR_" + operator + "_OPERAND", error(text, null, item(":a", value)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"set a = if_not_exists(c)|if_not_exists|1", "set a = list_append(c)|list_append|1",
            "set a = list_append(:a, :b, c)|list_append|3"})
    void functionOperandCountsAreChecked(String text, String function, int count) {
        assertEquals("Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: " + function
                + ", number of operands: " + count, error(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"set a = if_not_exists(:a, c)", "set a = if_not_exists(if_not_exists(a, b), c)"})
    void ifNotExistsNeedsADocumentPathFirst(String text) {
        assertEquals("Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists", error(text));
    }

    static Stream<Arguments> wrongFunctionOperands() {
        return Stream.of(
                Arguments.of("set a = list_append(:a, a)", "list_append", s("x")),
                Arguments.of("set a = list_append(a, :a)", "list_append", n("1")),
                Arguments.of("set a = list_append(:a, a)", "list_append", ss("x")),
                Arguments.of("set a = list_append(:a, a)", "list_append", m()),
                Arguments.of("set a = a + :a", "+", s("x")),
                Arguments.of("set a = :a + a", "+", b("x")),
                Arguments.of("set a = a + :a", "+", ns("1")),
                Arguments.of("set a = a - :a", "-", l()),
                Arguments.of("set a = a - :a", "-", bs("x")),
                Arguments.of("set a = a - :a", "-", bool(true)));
    }

    @ParameterizedTest
    @MethodSource("wrongFunctionOperands")
    void literalFunctionOperandsMustHaveTheRightType(String text, String function, AttributeValue value) {
        assertEquals("Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: " + function
                + ", operand type: " + value.typeName(), error(text, null, item(":a", value)));
    }

    @Test
    void arithmeticOnAListAppendIsATypeError() {
        assertEquals("Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: L",
                error("SET a = list_append(b, c) + :n", null, item(":n", n("1"))));
    }

    @Test
    void keyAttributesCannotBeUpdatedNorReachedInto() {
        TableDefinition table = table(true);
        Map<String, AttributeValue> values = item(":v", n("1"));
        assertEquals("One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key",
                error("SET a = :v, pk = :v", null, values, table));
        assertEquals("One or more parameter values were invalid: Cannot update attribute sk. This attribute is part of the key",
                error("REMOVE sk", null, null, table));
        assertEquals("One or more parameter values were invalid: Cannot update attribute sk. This attribute is part of the key",
                error("ADD sk :v", null, values, table));
        assertEquals("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: pk",
                error("SET pk.x = :v", null, values, table));
        assertEquals("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: sk",
                error("SET x = sk[0]", null, null, table));
        UpdateExpressions.compile("SET x = pk", new ExpressionAttributes(null, null), table); // reading a key is fine
    }

    /** Compiled without the table, the update still tells what it touches, for the checks after the table lookup. */
    @Test
    void anUpdateCompiledWithoutTheTableReportsWhatItTouches() {
        ItemUpdate update = UpdateExpressions.compile("SET a.b = sk[0], pk = :v REMOVE c", new ExpressionAttributes(null, item(":v", n("1"))), null);
        assertEquals(List.of("a", "pk", "c"), List.copyOf(update.updatedAttributes()));
        assertEquals(Set.of("a", "sk"), update.nestedAttributes());
        DynamoException e = assertThrows(DynamoException.class, () -> KeyAttributeRules.requireKeysNotUpdated(update.updatedAttributes(), table(false)));
        assertEquals("One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key", e.getMessage());
    }

    @Test
    void aListIndexMustFitTheAllowedRange() {
        assertEquals("Invalid UpdateExpression: List index is not within the allowable range; index: [99999999999]",
                error("SET a[99999999999] = :a"));
    }
}
