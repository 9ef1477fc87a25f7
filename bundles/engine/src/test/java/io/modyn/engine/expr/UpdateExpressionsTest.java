package io.modyn.engine.expr;

import static io.modyn.engine.expr.Values.item;
import static io.modyn.engine.expr.Values.l;
import static io.modyn.engine.expr.Values.m;
import static io.modyn.engine.expr.Values.n;
import static io.modyn.engine.expr.Values.ns;
import static io.modyn.engine.expr.Values.s;
import static io.modyn.engine.expr.Values.ss;
import static io.modyn.engine.expr.Values.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How updates apply, after Alternator's test_update_expression.py and test_returnvalues.py (both
 * checked against DynamoDB) and the developer guide's "Update expressions".
 */
class UpdateExpressionsTest {

    private static final String MISSING = "The provided expression refers to an attribute that does not exist in the item";
    private static final String WRONG_TYPE = "An operand in the update expression has an incorrect data type";
    private static final String BAD_PATH = "The document path provided in the update expression is invalid for update";

    private static ItemUpdate update(String text, Object... values) {
        return UpdateExpressions.compile(text, new ExpressionAttributes(null, values.length == 0 ? null : item(values)), table(false));
    }

    private static Map<String, AttributeValue> apply(Map<String, AttributeValue> item, String text, Object... values) {
        return update(text, values).apply(item).item();
    }

    private static String failure(Map<String, AttributeValue> item, String text, Object... values) {
        ItemUpdate update = update(text, values);
        return assertThrows(DynamoException.class, () -> update.apply(item)).getMessage();
    }

    @Test
    void setWritesAndKeepsTheOtherAttributes() {
        assertEquals(item("pk", s("k"), "a", s("hi"), "b", s("hello")), apply(item("pk", s("k"), "a", s("hi")), "SET b = :v", ":v", s("hello")));
        assertEquals(item("pk", s("k"), "a", s("hey")), apply(item("pk", s("k"), "a", s("hi")), "set a = :v", ":v", s("hey")));
    }

    /** Every value is read from the item as it was before the update. */
    @Test
    void valuesAreReadBeforeAnythingIsWritten() {
        Map<String, AttributeValue> item = item("pk", s("k"), "a", n("1"), "b", n("2"));
        assertEquals(item("pk", s("k"), "a", n("2"), "b", n("1")), apply(item, "SET a = b, b = a"));
        assertEquals(item("pk", s("k"), "b", n("1")), apply(item, "REMOVE a SET b = a"));
        assertEquals(MISSING, failure(item, "SET x = :v, y = x", ":v", n("4")));
        assertEquals(MISSING, failure(item, "SET c = z"));
        assertEquals(item, apply(item, "SET a = a"));
    }

    @Test
    void arithmeticUsesExactNumbers() {
        Map<String, AttributeValue> item = item("pk", s("k"), "a", n("2"));
        assertEquals(n("5"), apply(item, "SET a = a + :v", ":v", n("3")).get("a"));
        assertEquals(n("-1"), apply(item, "SET b = :v - a", ":v", n("1")).get("b"));
        assertEquals(n("10000000000000000000001"), apply(item, "SET b = :x + :y", ":x", n("1"), ":y", n("10000000000000000000000")).get("b"));
        assertEquals(WRONG_TYPE, failure(item("pk", s("k"), "a", s("x")), "SET a = a + :v", ":v", n("1")));
        assertEquals(MISSING, failure(item, "SET a = q + :v", ":v", n("1")));
        assertEquals(n("3"), apply(item, "SET b = if_not_exists(b, :one)+:two", ":one", n("1"), ":two", n("2")).get("b"));
    }

    /** Alternator's test_number.py: DynamoDB refuses results beyond its range and precision. */
    @Test
    void arithmeticResultsMustFitDynamoDbNumbers() {
        Map<String, AttributeValue> item = item("pk", s("k"));
        String overflow = "Number overflow. Attempting to store a number with magnitude larger than supported range";
        assertEquals(overflow, failure(item, "SET b = :x + :y", ":x", n("9e125"), ":y", n("9e125")));
        assertEquals(overflow, failure(item, "SET b = :x - :y", ":x", n("1e50"), ":y", n("1")));
        assertEquals("Number underflow. Attempting to store a number with magnitude smaller than supported range",
                failure(item, "SET b = :x - :y", ":x", n("2e-130"), ":y", n("1.9e-130")));
    }

    @Test
    void listAppendJoinsTwoLists() {
        Map<String, AttributeValue> item = item("pk", s("k"), "a", l(s("hi"), n("2")), "n", n("1"));
        assertEquals(l(s("hi"), n("2"), s("x")), apply(item, "SET a = list_append(a, :v)", ":v", l(s("x"))).get("a"));
        assertEquals(l(s("x"), s("hi"), n("2")), apply(item, "SET b = list_append(:v, a)", ":v", l(s("x"))).get("b"));
        assertEquals(l(s("x")), apply(item, "SET c = list_append(if_not_exists(c, :e), :v)", ":e", l(), ":v", l(s("x"))).get("c"));
        assertEquals(WRONG_TYPE, failure(item, "SET a = list_append(n, :v)", ":v", l()));
        assertEquals(MISSING, failure(item, "SET a = list_append(q, :v)", ":v", l()));
    }

    @Test
    void ifNotExistsKeepsAnExistingValue() {
        Map<String, AttributeValue> item = item("pk", s("k"), "a", n("2"));
        assertEquals(n("2"), apply(item, "SET a = if_not_exists(a, :v)", ":v", n("3")).get("a"));
        assertEquals(n("4"), apply(item, "SET b = if_not_exists(c, :v)", ":v", n("4")).get("b"));
        assertEquals(n("2"), apply(item, "SET b = if_not_exists(a, :v)", ":v", n("6")).get("b"));
    }

    @Test
    void addAddsNumbersAndSetMembersOrCreatesTheAttribute() {
        Map<String, AttributeValue> item = item("pk", s("k"), "a", n("3"), "b", s("hi"), "c", ss("dog", "cat"), "d", l(n("1")));
        assertEquals(n("7"), apply(item, "ADD a :v", ":v", n("4")).get("a"));
        assertEquals(n("7"), apply(item, "ADD z :v", ":v", n("7")).get("z"));
        assertEquals(ss("dog", "cat", "pig"), apply(item, "ADD c :v", ":v", ss("pig", "cat")).get("c"));
        assertEquals(ns("5"), apply(item, "ADD z :v", ":v", ns("5")).get("z"));
        assertEquals(WRONG_TYPE, failure(item, "ADD b :v", ":v", n("1")));
        assertEquals(WRONG_TYPE, failure(item, "ADD d :v", ":v", ns("1")));
        assertEquals(WRONG_TYPE, failure(item, "ADD c :v", ":v", ns("1")));
    }

    /** Deleting the last member removes the attribute: DynamoDB has no empty sets. */
    @Test
    void deleteRemovesSetMembers() {
        Map<String, AttributeValue> item = item("pk", s("k"), "a", ss("dog", "cat", "mouse"), "b", s("hi"));
        assertEquals(ss("dog"), apply(item, "DELETE a :v", ":v", ss("cat", "mouse", "pig")).get("a"));
        assertEquals(item("pk", s("k"), "b", s("hi")), apply(item, "DELETE a :v", ":v", ss("cat", "mouse", "dog")));
        assertEquals(item, apply(item, "DELETE q :v", ":v", ss("dog")));
        assertEquals(WRONG_TYPE, failure(item, "DELETE b :v", ":v", ss("hi")));
        assertEquals(WRONG_TYPE, failure(item, "DELETE a :v", ":v", ns("1")));
    }

    @Test
    void nestedMembersAndElementsAreUpdatedInPlace() {
        Map<String, AttributeValue> item = item("pk", s("k"), "a", m("b", n("3"), "c", l(s("hi"), m("x", m("y", l(n("3"), n("5"), n("7")))))));
        Map<String, AttributeValue> updated = apply(item, "SET a.c[1].x.y[1] = :v, a.d = :w REMOVE a.b", ":v", n("9"), ":w", s("new"));
        assertEquals(m("c", l(s("hi"), m("x", m("y", l(n("3"), n("9"), n("7"))))), "d", s("new")), updated.get("a"));
        assertEquals(item.get("a"), apply(item, "SET z = a").get("z"));
    }

    /** Developer guide: setting an index past the end appends; several such elements go in index order. */
    @Test
    void settingPastTheEndOfAListAppendsInIndexOrder() {
        Map<String, AttributeValue> item = item("pk", s("k"), "a", l(s("one"), s("two"), s("three")));
        assertEquals(l(s("one"), s("two"), s("three"), s("hello")), apply(item, "SET a[7] = :v", ":v", s("hello")).get("a"));
        assertEquals(l(s("one"), s("two"), s("three"), s("a3"), s("a2"), s("a4"), s("a1")),
                apply(item, "SET a[84] = :a1, a[37] = :a2, a[17] = :a3, a[50] = :a4", ":a1", s("a1"), ":a2", s("a2"), ":a3", s("a3"), ":a4", s("a4")).get("a"));
    }

    /** Alternator: indexes refer to positions before any removal, whatever the order of the actions. */
    @Test
    void listIndexesReferToTheOriginalPositions() {
        Map<String, AttributeValue> item = item("pk", s("k"), "a", l(n("2"), n("3"), n("4"), n("5"), n("6"), n("7")));
        AttributeValue expected = l(n("2"), n("4"), n("17"), n("6"), n("7"));
        assertEquals(expected, apply(item, "REMOVE a[1] SET a[3] = :v", ":v", n("17")).get("a"));
        assertEquals(expected, apply(item, "SET a[3] = :v REMOVE a[1]", ":v", n("17")).get("a"));
        assertEquals(l(n("2"), n("5"), n("6"), n("7")), apply(item, "REMOVE a[1], a[2]").get("a"));
    }

    @Test
    void removingWhatIsNotThereChangesNothing() {
        Map<String, AttributeValue> item = item("pk", s("k"), "a", m("x", n("3")), "b", l(s("hi")));
        assertEquals(item, apply(item, "REMOVE a.y, b[7], c"));
        assertEquals(m(), apply(item("pk", s("k"), "a", m("b", n("1"))), "REMOVE a.b").get("a"));
        assertEquals(l(), apply(item("pk", s("k"), "a", l(n("1"))), "REMOVE a[0]").get("a"));
    }

    @Test
    void aPathThroughAMissingOrWrongParentIsInvalid() {
        Map<String, AttributeValue> item = item("pk", s("k"), "a", s("hello"), "b", l(s("hi")));
        for (String text : new String[] {"SET a.c = :v", "SET b.c = :v", "SET c.c = :v", "SET a[0] = :v", "SET c[0] = :v", "ADD c.d :v"}) {
            assertEquals(BAD_PATH, failure(item, text, ":v", n("1")), text);
        }
        for (String text : new String[] {"REMOVE a.c", "REMOVE b.c", "REMOVE c.c", "REMOVE a[0]", "REMOVE c[0]"}) {
            assertEquals(BAD_PATH, failure(item, text), text);
        }
    }

    /** Alternator: on an item that does not exist, REMOVE of a nested path is quietly ignored, SET is not. */
    @Test
    void anAbsentItemIgnoresNestedRemovals() {
        Map<String, AttributeValue> key = item("pk", s("k"));
        assertEquals(key, update("REMOVE x.y, z[0]").applyToAbsentItem(key).item());
        ItemUpdate set = update("SET c.c = :v", ":v", n("1"));
        assertEquals(BAD_PATH, assertThrows(DynamoException.class, () -> set.applyToAbsentItem(key)).getMessage());
        assertEquals(item("pk", s("k"), "b", n("8")), update("ADD b :v", ":v", n("8")).applyToAbsentItem(key).item());
    }

    /** ReturnValues UPDATED_OLD/UPDATED_NEW: only the updated paths, nested as in the item (Alternator test_returnvalues.py). */
    @Test
    void updatedOldAndNewHoldOnlyTheUpdatedPaths() {
        Map<String, AttributeValue> item = item("pk", s("k"), "a", m("b", s("dog"), "c", l(n("1"), n("2"), n("3"))), "d", s("cat"));
        UpdateOutcome outcome = update("SET a.c[1] = :v, a.b = :w", ":v", n("8"), ":w", s("yo")).apply(item);
        assertEquals(item("a", m("c", l(n("2")), "b", s("dog"))), outcome.updatedOld());
        assertEquals(item("a", m("c", l(n("8")), "b", s("yo"))), outcome.updatedNew());
        outcome = update("REMOVE a.c[1], a.c[3]").apply(item);
        assertEquals(item("a", m("c", l(n("2")))), outcome.updatedOld());
        assertEquals(item("a", m("c", l(n("3")))), outcome.updatedNew()); // the next element moved into place
        outcome = update("SET a.x1 = :v", ":v", n("8")).apply(item);
        assertEquals(item(), outcome.updatedOld());
        assertEquals(item("a", m("x1", n("8"))), outcome.updatedNew());
        assertEquals(item(), update("SET a.c[100] = :v", ":v", n("70")).apply(item).updatedNew());
        outcome = update("SET d = :v REMOVE a", ":v", s("lion")).apply(item);
        assertEquals(item("d", s("cat"), "a", item.get("a")), outcome.updatedOld());
        assertEquals(item("d", s("lion")), outcome.updatedNew());
    }
}
