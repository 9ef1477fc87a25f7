package io.modyn.engine.expr;

import static io.modyn.engine.expr.Values.bool;
import static io.modyn.engine.expr.Values.bs;
import static io.modyn.engine.expr.Values.b;
import static io.modyn.engine.expr.Values.l;
import static io.modyn.engine.expr.Values.m;
import static io.modyn.engine.expr.Values.n;
import static io.modyn.engine.expr.Values.names;
import static io.modyn.engine.expr.Values.ns;
import static io.modyn.engine.expr.Values.nul;
import static io.modyn.engine.expr.Values.s;
import static io.modyn.engine.expr.Values.ss;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The errors DynamoDB gives for invalid condition and filter expressions, in its order. Most cases
 * and messages come from dynalite's test suite, which was written against DynamoDB itself.
 */
class ConditionExpressionErrorsTest {

    private static final String FILTER = "FilterExpression";

    private static String error(String text, Map<String, String> names, Map<String, AttributeValue> values) {
        ExpressionAttributes attributes = new ExpressionAttributes(names, values);
        return assertThrows(DynamoException.class, () -> ConditionExpressions.compile(text, FILTER, attributes)).getMessage();
    }

    private static String error(String text) {
        return error(text, null, null);
    }

    private static Map<String, AttributeValue> value(AttributeValue v) {
        return Map.of(":a", v);
    }

    @Test
    void emptyAndOversizedExpressionsAreRejectedBeforeParsing() {
        assertEquals("Invalid FilterExpression: The expression can not be empty;", error(""));
        // developer guide, expression limits: at most 4 KB; the size counts UTF-8 bytes
        assertEquals("Invalid FilterExpression: Expression size has exceeded the maximum allowed size; expression size: 4097",
                error("a".repeat(4095) + "\u00e9"));
    }

    @Test
    void redundantParenthesesComeBeforeOtherStructuralErrors() {
        assertEquals("Invalid FilterExpression: The expression has redundant parentheses;", error("a=a and a > ((views))"));
        assertEquals("Invalid FilterExpression: The expression has redundant parentheses;", error("(a)between(((b.c)))and(c)"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a=a and whatever((:things)) > a|whatever", "attRIbute_exIsts((views), #a)|attRIbute_exIsts"})
    void unknownFunctionsAreNamed(String text, String function) {
        assertEquals("Invalid FilterExpression: Invalid function name; function: " + function, error(text));
    }

    @Test
    void updateFunctionsAreNotAllowedInConditions() {
        assertEquals("Invalid FilterExpression: The function is not allowed in a condition expression; function: if_not_exists",
                error("if_not_exists(a, :v) = :w"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a=a and attribute_exists((views), (#a)) > b|attribute_exists",
            "attribute_not_exists(things) > b|attribute_not_exists",
            "attribute_type(things, :a) > b|attribute_type",
            "begins_with(things, a) > b|begins_with",
            "contains(:things, c) > b|contains",
            "size(contains(a, b)) > a|contains",
            "size(things)|size",
            "a between b and attribute_exists(things)|attribute_exists",
            "a in (b, attribute_exists(things))|attribute_exists"})
    void functionsUsedInTheWrongPlaceAreRejected(String text, String function) {
        assertEquals("Invalid FilterExpression: The function is not allowed to be used this way in an expression; function: " + function,
                error(text));
    }

    /** Reserved words come before any error that needs the attribute maps (here an operand count). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"attribute_exists(views, #a)|views", ":a < abOrT|abOrT"})
    void reservedWordsAsNamesAreRejected(String text, String word) {
        assertEquals("Invalid FilterExpression: Attribute name is a reserved keyword; reserved keyword: " + word, error(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "attribute_exists(#Pictures.RearView, :a) and a=a|#Pictures",
            "begins_with(Pictures.#RearView)|#RearView",
            "(#P between :lo and :hi) and (#PC in (:cat1, :cat2))|#P",
            "#4g > a|#4g",
            "#_ > a|#_",
            "(a)between(b.c[45].#d)and(:a)|#d"})
    void undefinedNamesAreNamed(String text, String name) {
        assertEquals("Invalid FilterExpression: An expression attribute name used in the document path is not defined; attribute name: "
                + name, error(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"begins_with(:hello, #a, #b)|:hello", ":a < :b|:a", ":_ > a|:_"})
    void undefinedValuesAreNamed(String text, String value) {
        assertEquals("Invalid FilterExpression: An expression attribute value used in expression is not defined; attribute value: "
                + value, error(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "attribute_exists(things, a) and a=a|attribute_exists|2",
            "attribute_not_exists(things, b)|attribute_not_exists|2",
            "attribute_type(things)|attribute_type|1",
            "begins_with(things)|begins_with|1",
            "begins_with(things, size(a), b)|begins_with|3",
            "contains(things)|contains|1",
            "size(things, a) > b|size|2"})
    void operandCountsAreChecked(String text, String function, int count) {
        assertEquals("Invalid FilterExpression: Incorrect number of operands for operator or function; operator or function: "
                + function + ", number of operands: " + count, error(text));
    }

    static Stream<Arguments> wrongOperandTypes() {
        return Stream.of(
                Arguments.of("attribute_type(a, size(a)) and a=a and a=:a", "attribute_type", n("1")),
                Arguments.of("attribute_type(a, :a)", "attribute_type", n("1")),
                Arguments.of("attribute_type(a, :a)", "attribute_type", b("a")),
                Arguments.of("attribute_type(a, :a)", "attribute_type", l()),
                Arguments.of("attribute_type(a, :a)", "attribute_type", ss("1")),
                Arguments.of("begins_with(a, size(a)) and a=:a", "begins_with", n("1")),
                Arguments.of("begins_with(a, :a)", "begins_with", n("1")),
                Arguments.of("begins_with(a, :a)", "begins_with", bool(true)),
                Arguments.of("begins_with(a, :a)", "begins_with", m()),
                Arguments.of("begins_with(:a, a)", "begins_with", ns("1")),
                Arguments.of("begins_with(:a, a)", "begins_with", bs("a")),
                Arguments.of("size(size(a)) > :a", "size", n("1")),
                Arguments.of("attribute_not_exists(size(:a))", "size", n("1")),
                Arguments.of("size(:a) > a", "size", bool(true)),
                Arguments.of("size(:a) > a", "size", nul()),
                Arguments.of("a < :a", "<", bool(true)),
                Arguments.of("a >= :a", ">=", l(s("x"))),
                Arguments.of("a BETWEEN :a AND b", "BETWEEN", ss("x")));
    }

    /** dynalite: a literal of the wrong type is an error; the operand type is the literal's type. */
    @ParameterizedTest
    @MethodSource("wrongOperandTypes")
    void literalOperandsOfTheWrongTypeAreRejected(String text, String function, AttributeValue value) {
        assertEquals("Invalid FilterExpression: Incorrect operand type for operator or function; operator or function: " + function
                + ", operand type: " + value.typeName(), error(text, null, value(value)));
    }

    @Test
    void attributeTypeNeedsALiteralNamingAType() {
        assertEquals("Invalid FilterExpression: Incorrect operand type for operator or function; operator or function: attribute_type, "
                + "operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}", error("attribute_type(a, b)"));
        assertEquals("Invalid FilterExpression: Invalid attribute type name found; type: 1, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}",
                error("attribute_type(a, :a)", null, value(s("1"))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"attribute_exists(:a) and a=a|attribute_exists", "attribute_not_exists(size(:a))|attribute_not_exists"})
    void existenceFunctionsNeedADocumentPath(String text, String function) {
        assertEquals("Invalid FilterExpression: Operator or function requires a document path; operator or function: " + function,
                error(text, null, value(s("1"))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a = a AND #a = b AND :views > a|=|[a]",
            "#a <> a|<>|[a]",
            "a > #a|>|[a]",
            "((a=a) OR (a=a))|=|[a]",
            "contains(ab.bc[1].a, ab.bc[1].#a)|contains|[ab, bc, [1], a]",
            "attribute_type(ab.bc[1].#a, ab.bc[1].a)|attribute_type|[ab, bc, [1], a]",
            "begins_with(ab.bc[1].a, ab.bc[1].#a)|begins_with|[ab, bc, [1], a]",
            "a IN (b, #a)|IN|[a]"})
    void theFirstOperandMustDifferFromTheOthers(String text, String operator, String path) {
        assertEquals("Invalid FilterExpression: The first operand must be distinct from the remaining operands for this operator or "
                + "function; operator: " + operator + ", first operand: " + path, error(text, names("#a", "a"), null));
    }

    @Test
    void betweenBoundsMustShareATypeAndBeInOrder() {
        Map<String, AttributeValue> mixed = new LinkedHashMap<>(Map.of(":a", s("a"), ":b", n("1")));
        assertEquals("Invalid FilterExpression: The BETWEEN operator requires same data type for lower and upper bounds; "
                + "lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}",
                error("a between :b and :a", null, mixed));
        Map<String, AttributeValue> reversed = new LinkedHashMap<>(Map.of(":a", s("a"), ":b", s("b")));
        assertEquals("Invalid FilterExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                + "lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue: {S:a}",
                error("a between :b and :a", null, reversed));
    }

    /** Developer guide, expression limits: at most 100 values in the list of an IN. */
    @Test
    void inTakesAtMostOneHundredOperands() {
        Map<String, AttributeValue> values = IntStream.range(0, 101).boxed().collect(Collectors.toMap(i -> ":v" + i, i -> n(String.valueOf(i))));
        String list = IntStream.range(0, 101).mapToObj(i -> ":v" + i).collect(Collectors.joining(", "));
        assertEquals("Invalid FilterExpression: The IN operator is provided with too many operands; number of operands: 101",
                error("a IN (" + list + ")", null, values));
        String hundred = IntStream.range(0, 100).mapToObj(i -> ":v" + i).collect(Collectors.joining(", "));
        ConditionExpressions.compile("a IN (" + hundred + ") OR b = :v100", FILTER, new ExpressionAttributes(null, values));
    }

    /** Errors come from the first leaf condition that has one, even if a later leaf fails earlier checks. */
    @Test
    void theFirstFaultyLeafConditionDecides() {
        assertEquals("Invalid FilterExpression: Incorrect operand type for operator or function; operator or function: <, operand type: BOOL",
                error("a < :a AND #undefined = b", null, value(bool(true))));
    }

    @Test
    void unusedNamesAndValuesAreReportedAfterCompiling() {
        ExpressionAttributes attributes = new ExpressionAttributes(names("#a", "a", "#b", "b", "#c", "c"), Map.of(":v", s("x"), ":w", s("y")));
        ConditionExpressions.compile("#a = :v", FILTER, attributes);
        DynamoException e = assertThrows(DynamoException.class, attributes::checkAllUsed);
        assertEquals("Value provided in ExpressionAttributeNames unused in expressions: keys: {#b, #c}", e.getMessage());
        ConditionExpressions.compile("#b = #c", FILTER, attributes);
        e = assertThrows(DynamoException.class, attributes::checkAllUsed);
        assertEquals("Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}", e.getMessage());
    }
}
