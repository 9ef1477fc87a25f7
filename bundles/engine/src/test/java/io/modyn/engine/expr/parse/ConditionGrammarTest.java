package io.modyn.engine.expr.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.model.DynamoException;
import io.modyn.engine.expr.ast.Condition;
import io.modyn.engine.expr.ast.Operand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionGrammarTest {

    private static Condition parse(String text) {
        return ConditionGrammar.parse(text, "FilterExpression").tree();
    }

    private static String syntaxError(String text) {
        return assertThrows(DynamoException.class, () -> ConditionGrammar.parse(text, "FilterExpression")).getMessage();
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        Condition.Or or = assertInstanceOf(Condition.Or.class, parse("NOT a = :a AND b = :b OR c = :c"));
        Condition.And and = assertInstanceOf(Condition.And.class, or.left());
        assertInstanceOf(Condition.Not.class, and.left());
    }

    @Test
    void parenthesesGroupConditionsAndOperands() {
        Condition.And and = assertInstanceOf(Condition.And.class, parse("(a = :a OR b = :b) AND (c) = :c"));
        assertInstanceOf(Condition.Or.class, and.left());
        assertInstanceOf(Condition.Comparison.class, and.right());
    }

    @Test
    void aFunctionIsAConditionUnlessAComparisonFollows() {
        assertInstanceOf(Condition.Function.class, parse("attribute_exists(a)"));
        Condition.Comparison c = assertInstanceOf(Condition.Comparison.class, parse("(size(a)) > :n"));
        assertInstanceOf(Operand.Function.class, c.left());
        assertInstanceOf(Condition.Function.class, parse("(contains(a, :v))"));
    }

    @Test
    void inAndBetweenParse() {
        Condition.In in = assertInstanceOf(Condition.In.class, parse("a IN (:x, :y, b)"));
        assertEquals(3, in.candidates().size());
        Condition.And and = assertInstanceOf(Condition.And.class, parse("a BETWEEN :lo AND :hi AND b = :c"));
        assertInstanceOf(Condition.Between.class, and.left());
    }

    /** dynalite's tests against DynamoDB: {@code ((x))} is rejected after parsing, wherever it is. */
    @ParameterizedTest
    @ValueSource(strings = {"a=a and a > ((views))", "a > whatever((:things), ((a)))", "a=a AND ((a=a AND a=a)) AND a=a",
            "a=a OR ((a=a OR (a=a OR a=a)))", "((a = :v))"})
    void redundantParenthesesAreRecorded(String text) {
        assertTrue(ConditionGrammar.parse(text, "FilterExpression").redundantParentheses());
    }

    @ParameterizedTest
    @ValueSource(strings = {"((a=a) OR (a=a))", "(a = :v)", "f((a), (b)) = :v"})
    void singleParenthesesAreNotRedundant(String text) {
        assertFalse(ConditionGrammar.parse(text, "FilterExpression").redundantParentheses());
    }

    /** dynalite's list of expressions DynamoDB answers with a syntax error. */
    @ParameterizedTest
    @ValueSource(strings = {"things are not gonna be ok", "a > 4", "attribute_exists(Pictures-RearView)",
            "attribute_exists(\"Pictures.RearView\")", "attribute_exists(Pictures..RearView)", "attribute_exists(Pi#ctures.RearView)",
            "attribute_exists(asdf[a])", "a in b, c", "a > between", "a in b", "a in (b,c,)", "#$.b > a", "a > :things.stuff",
            "b[:a] > a", "b[#_] > a", "\u00fc > a", "size(a).b > a", "size(a)[0] > a", "a", "a = ", "f()"})
    void malformedConditionsAreSyntaxErrors(String text) {
        assertTrue(syntaxError(text).startsWith("Invalid FilterExpression: Syntax error; token: "), text);
    }

    /** The "near" text runs from the token before the offending one to the token after it. */
    @Test
    void syntaxErrorsQuoteTheTokenAndItsNeighbours() {
        assertEquals("Invalid FilterExpression: Syntax error; token: \"4\", near: \"> 4\"", syntaxError("a > 4"));
        assertEquals("Invalid FilterExpression: Syntax error; token: \"=\", near: \"== :b\"", syntaxError("a == :b"));
        assertEquals("Invalid FilterExpression: Syntax error; token: \"are\", near: \"things are not\"",
                syntaxError("things are not gonna be ok"));
        assertEquals("Invalid FilterExpression: Syntax error; token: \"<EOF>\", near: \":lo\"", syntaxError("a BETWEEN :lo"));
        assertEquals("Invalid FilterExpression: Syntax error; token: \"<EOF>\", near: \"= \"", syntaxError("a = "));
    }
}
