package io.modyn.engine.expr.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.model.DynamoException;
import io.modyn.engine.expr.ast.Operand;
import io.modyn.engine.expr.ast.UpdateAction;
import io.modyn.engine.expr.ast.UpdateExpression;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpdateGrammarTest {

    private static UpdateExpression parse(String text) {
        return UpdateGrammar.parse(text, "UpdateExpression").tree();
    }

    @Test
    void clausesMayComeInAnyOrderAndCaseWithoutCommasBetweenThem() {
        UpdateExpression e = parse("remove a sEt b = :v, c = b + :n ADD d :s delete e :t");
        assertEquals(List.of("REMOVE", "SET", "ADD", "DELETE"), e.clauses());
        assertEquals(5, e.actions().size());
        UpdateAction.Set set = assertInstanceOf(UpdateAction.Set.class, e.actions().get(2));
        Operand.Arithmetic sum = assertInstanceOf(Operand.Arithmetic.class, set.value());
        assertEquals('+', sum.operator());
    }

    @Test
    void aRepeatedClauseParsesAndIsReportedLater() {
        assertEquals(List.of("SET", "REMOVE", "SET"), parse("SET a = :v REMOVE b SET c = :w").clauses());
    }

    @Test
    void functionsAndParenthesizedValuesParse() {
        UpdateAction.Set set = (UpdateAction.Set) parse("SET a = (if_not_exists(a, :z) + :one)").actions().get(0);
        Operand.Arithmetic sum = assertInstanceOf(Operand.Arithmetic.class, set.value());
        assertInstanceOf(Operand.Function.class, sum.left());
    }

    /** dynalite's and Alternator's lists of update expressions DynamoDB rejects as syntax errors. */
    @ParameterizedTest
    @ValueSource(strings = {"whatever", "set a", "add a", "delete a", "set a=set", "remove a = b", "add a = b", "delete a = b",
            "delete a b", "add abort b", "remove a b", "set a b", "set :a = b", "add :a b", "remove :a", "set a = b / c",
            "set a = b * c", "set a[1] = \"eight\"", "set a[1] = 1", "SET if_not_exist(a, b) = a", "set (a = (b + c))",
            "set a = (b.c).d + e", "set a = b + c + d", "SET _123 = :v", "SET 123a = :v", "SET hi-there = :v", "SET # = :v",
            "SET a[:x] = :v", "SET a[#x] = :v", "SET c = if_not_exists(c, :a+:b)", "SET a = _f(b)", "SET a = (b + c) + d", "SET a = :v,"})
    void malformedUpdatesAreSyntaxErrors(String text) {
        DynamoException e = assertThrows(DynamoException.class, () -> UpdateGrammar.parse(text, "UpdateExpression"));
        assertTrue(e.getMessage().startsWith("Invalid UpdateExpression: Syntax error; token: "), e.getMessage());
    }

    @Test
    void syntaxErrorNamesTheOffendingToken() {
        DynamoException e = assertThrows(DynamoException.class, () -> UpdateGrammar.parse("INVALID SYNTAX HERE", "UpdateExpression"));
        assertEquals("Invalid UpdateExpression: Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"", e.getMessage());
        e = assertThrows(DynamoException.class, () -> UpdateGrammar.parse("SET _123 = :v", "UpdateExpression"));
        assertEquals("Invalid UpdateExpression: Syntax error; token: \"_\", near: \"SET _123\"", e.getMessage());
    }
}
