package io.modyn.engine.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.model.DynamoException;
import io.modyn.engine.expr.ast.Condition;
import org.junit.jupiter.api.Test;

class ConditionParserTest {

    @Test
    void andBindsTighterThanOr() {
        Condition c = ConditionParser.parse("a = :a OR b = :b AND c = :c", "ConditionExpression");
        Condition.Or or = assertInstanceOf(Condition.Or.class, c);
        assertInstanceOf(Condition.And.class, or.right());
    }

    @Test
    void keywordsAreCaseInsensitive() {
        Condition c = ConditionParser.parse("#k between :lo aNd :hi", "KeyConditionExpression");
        assertInstanceOf(Condition.Between.class, c);
    }

    @Test
    void reservedWordAsBareNameIsRejected() {
        DynamoException e = assertThrows(DynamoException.class, () -> ConditionParser.parse("status = :s", "ConditionExpression"));
        assertEquals("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status", e.getMessage());
    }

    @Test
    void syntaxErrorNamesTheToken() {
        DynamoException e = assertThrows(DynamoException.class, () -> ConditionParser.parse("a = = :b", "KeyConditionExpression"));
        assertEquals("Invalid KeyConditionExpression: Syntax error; token: \"=\", near: \"= = :b\"", e.getMessage());
    }

    @Test
    void functionArgumentCountIsChecked() {
        DynamoException e = assertThrows(DynamoException.class, () -> ConditionParser.parse("begins_with(a)", "KeyConditionExpression"));
        assertEquals("Invalid KeyConditionExpression: Incorrect number of operands for operator or function; "
                + "operator or function: begins_with, number of operands: 1", e.getMessage());
    }

    @Test
    void nestedPathsAndIndexesParse() {
        Condition c = ConditionParser.parse("a.b[3].#c = :v", "ConditionExpression");
        assertEquals("a.b[3].#c", ((io.modyn.engine.expr.ast.Operand.Path) ((Condition.Comparison) c).left()).path().toString());
    }

    @Test
    void reservedWordListIsComplete() {
        assertEquals(573, ReservedWords.count());
    }
}
