package io.modyn.engine.partiql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.engine.partiql.ast.Expr;
import io.modyn.engine.partiql.ast.PathStep;
import io.modyn.engine.partiql.ast.Returning;
import io.modyn.engine.partiql.ast.Statement;
import io.modyn.engine.partiql.ast.TableRef;
import io.modyn.engine.partiql.ast.UpdateAction;
import io.modyn.engine.partiql.parse.PartiqlParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The grammar: what each statement parses to, and DynamoDB's messages for what it refuses. */
class PartiqlParserTest {

    @Test
    void selectParsesProjectionSourceWhereAndOrderBy() {
        Statement.Select select = (Statement.Select) PartiqlParser.parse(
                "select a, \"b c\".d[2] FROM \"Music\".\"byYear\" WHERE pk = ? AND (x >= 3 OR NOT begins_with(s, 'p')) ORDER BY sk DESC;");

        assertEquals(new TableRef("Music", "byYear"), select.target());
        assertEquals(List.of(path("a"), new Expr.Path(List.of(new PathStep.Name("b c"), new PathStep.Name("d"), new PathStep.Index(2)))),
                select.projection());
        assertEquals(new Expr.And(
                new Expr.Comparison("=", path("pk"), new Expr.Parameter(0)),
                new Expr.Or(new Expr.Comparison(">=", path("x"), literal(AttributeValue.n(3))),
                        new Expr.Not(new Expr.Call("begins_with", List.of(path("s"), literal(AttributeValue.s("p"))))))),
                select.where());
        assertEquals(path("sk"), select.orderBy());
        assertTrue(select.descending());
        assertEquals(1, select.parameterCount());
    }

    @Test
    void predicatesParseBetweenInIsAndNotEquals() {
        Statement.Select select = (Statement.Select) PartiqlParser.parse(
                "SELECT * FROM t WHERE a BETWEEN 1 AND 2 AND b NOT IN ['x', ?] AND c IS NOT MISSING AND d != -1.5e2");

        Expr where = select.where();
        assertEquals(new Expr.And(new Expr.And(new Expr.And(
                new Expr.Between(path("a"), literal(AttributeValue.n(1)), literal(AttributeValue.n(2)), false),
                new Expr.In(path("b"), List.of(literal(AttributeValue.s("x")), new Expr.Parameter(0)), true)),
                new Expr.Is(path("c"), "MISSING", true)),
                new Expr.Comparison("<>", path("d"), literal(AttributeValue.n("-150")))), where);
        assertTrue(select.projection().isEmpty());
    }

    @Test
    void insertValueHoldsEveryLiteralType() {
        Statement.Insert insert = (Statement.Insert) PartiqlParser.parse(
                "INSERT INTO t VALUE {'s': 'it''s', 'n': 1, 'b': TRUE, 'z': NULL, 'l': [1, 'a'], 'm': {'k': ?}, 'ss': <<'x', 'y'>>, 'bin': `{{AQI=}}`}");

        Expr.MapValue item = (Expr.MapValue) insert.item();
        assertEquals("s", item.entries().get(0).key());
        assertEquals(literal(AttributeValue.s("it's")), item.entries().get(0).value());
        assertEquals(literal(AttributeValue.bool(true)), item.entries().get(2).value());
        assertEquals(literal(AttributeValue.nul()), item.entries().get(3).value());
        assertInstanceOf(Expr.ListValue.class, item.entries().get(4).value());
        assertInstanceOf(Expr.BagValue.class, item.entries().get(6).value());
        assertEquals(literal(AttributeValue.b(new byte[] {1, 2})), item.entries().get(7).value());
        assertEquals(1, insert.parameterCount());
    }

    @Test
    void updateCollectsSetAndRemoveActionsAndReturning() {
        Statement.Update update = (Statement.Update) PartiqlParser.parse(
                "UPDATE t SET a = a + 1, b = list_append(b, [1]) REMOVE c SET d = set_add(d, <<'x'>>) WHERE pk = 'k' RETURNING MODIFIED NEW *");

        assertEquals(4, update.actions().size());
        assertEquals(new UpdateAction.Set(path("a"), new Expr.Arithmetic('+', path("a"), literal(AttributeValue.n(1)))), update.actions().get(0));
        assertEquals(new UpdateAction.Remove(path("c")), update.actions().get(2));
        assertEquals(Returning.MODIFIED_NEW, update.returning());
    }

    @Test
    void deleteAndExistsParse() {
        Statement.Delete delete = (Statement.Delete) PartiqlParser.parse("DELETE FROM \"t\" WHERE pk = 'k' RETURNING ALL OLD *");
        assertEquals(Returning.ALL_OLD, delete.returning());
        Statement.Exists exists = (Statement.Exists) PartiqlParser.parse("EXISTS(SELECT * FROM t WHERE pk = 'k' AND a = 1)");
        assertEquals(new TableRef("t", null), exists.target());
        assertNull(exists.select().orderBy());
    }

    @Test
    void anUnknownFirstWordIsNotADataManipulation() {
        assertMessage("Statement wasn't well formed, can't be processed: Expected data manipulation", "SLECT * FROM t WHERE pk = 'x'");
    }

    @Test
    void syntaxErrorsAreNotWellFormed() {
        assertMessage("Statement wasn't well formed, can't be processed: Unexpected token: FROMM", "SELECT * FROMM t");
        assertMessage("Statement wasn't well formed, can't be processed: Unexpected end of statement", "SELECT * FROM t WHERE");
        assertTrue(message("SELECT * FROM \"t").startsWith("Statement wasn't well formed, can't be processed: "));
        assertTrue(message("SELECT * FROM t WHERE a = 'x").startsWith("Statement wasn't well formed, can't be processed: "));
        assertMessage("Statement wasn't well formed, can't be processed: Unexpected character: #", "SELECT * FROM t WHERE #a = 1");
    }

    @Test
    void fromPathsAreCheckedAsDynamoDbChecksThem() {
        assertMessage("A path may contain at most 2 components in the FROM clause", "SELECT * FROM \"t\".\"i\".\"x\" WHERE pk = 'p'");
        assertMessage("Path component cannot be an empty string", "SELECT * FROM \"\" WHERE pk = 'p'");
        assertMessage("Path component cannot be an empty string", "SELECT * FROM \"t\".\"\" WHERE pk = 'p'");
    }

    @Test
    void clauseLevelRefusals() {
        assertMessage("Where clause does not contain a mandatory equality on all key attributes", "DELETE FROM t");
        assertMessage("Where clause does not contain a mandatory equality on all key attributes", "UPDATE t SET a = 1");
        assertMessage("RETURNING is not supported in INSERT", "INSERT INTO t VALUE {'pk': 'a'} RETURNING ALL NEW *");
        assertMessage("Other attributes should not be present in the projection when '*' is used.", "SELECT *, a FROM t");
        assertMessage("MISSING must be compared using IS operator", "SELECT * FROM t WHERE a = MISSING");
        assertMessage("Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING clause",
                "UPDATE t SET a = 1 WHERE pk = 'k' RETURNING ALL NEW a");
    }

    private static void assertMessage(String expected, String statement) {
        assertEquals(expected, message(statement));
    }

    private static String message(String statement) {
        DynamoException e = assertThrows(DynamoException.class, () -> PartiqlParser.parse(statement));
        assertEquals("ValidationException", e.type().wireName());
        return e.getMessage();
    }

    private static Expr.Path path(String name) {
        return new Expr.Path(List.of(new PathStep.Name(name)));
    }

    private static Expr.Literal literal(AttributeValue value) {
        return new Expr.Literal(value);
    }
}
