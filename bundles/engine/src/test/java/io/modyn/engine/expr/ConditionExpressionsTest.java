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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.model.AttributeValue;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How compiled conditions evaluate, following the developer guide's "Comparison operator and
 * function reference" and Alternator's tests against DynamoDB.
 */
class ConditionExpressionsTest {

    private static final Map<String, AttributeValue> ITEM = item(
            "pk", s("key"),
            "str", s("banana"),
            "num", n("10"),
            "bin", b("\u0001\u0002\u0003"),
            "flag", bool(true),
            "nothing", nul(),
            "tags", ss("red", "green"),
            "nums", ns("1", "2.50"),
            "blobs", bs("x", "y"),
            "lst", l(s("a"), n("2"), m("k", s("v"))),
            "doc", m("b", l(n("0"), m("c", s("deep")))));

    private static boolean test(String text, Object... valuesByName) {
        return test(ITEM, text, valuesByName);
    }

    private static boolean test(Map<String, AttributeValue> item, String text, Object... valuesByName) {
        Map<String, AttributeValue> values = valuesByName.length == 0 ? null : Values.item(valuesByName);
        return ConditionExpressions.compile(text, "ConditionExpression", new ExpressionAttributes(null, values)).test(item);
    }

    @Test
    void equalityHoldsOnlyBetweenValuesOfOneType() {
        assertTrue(test("num = :v", ":v", n("10.0")));
        assertFalse(test("num = :v", ":v", s("10")));
        assertTrue(test("num <> :v", ":v", s("10")));
        assertTrue(test("flag = :v", ":v", bool(true)));
        assertTrue(test("nothing = :v", ":v", nul()));
        assertTrue(test("bin = :v", ":v", b("\u0001\u0002\u0003")));
    }

    /** Sets are equal whatever the order of their members (Alternator issue #5021); lists and maps compare deeply. */
    @Test
    void setsListsAndMapsCompareByContent() {
        assertTrue(test("tags = :v", ":v", ss("green", "red")));
        assertTrue(test("nums = :v", ":v", ns("2.5", "1")));
        assertFalse(test("tags = :v", ":v", ss("green")));
        assertTrue(test("blobs = :v", ":v", bs("y", "x")));
        assertTrue(test("lst = :v", ":v", l(s("a"), n("2"), m("k", s("v")))));
        assertFalse(test("lst = :v", ":v", l(n("2"), s("a"), m("k", s("v")))));
        assertTrue(test("doc = :v", ":v", m("b", l(n("0"), m("c", s("deep"))))));
    }

    /** A missing attribute equals nothing, not even another missing one, and is unequal to everything. */
    @Test
    void missingAttributesFailComparisonsButPassInequality() {
        assertFalse(test("q = :v", ":v", n("1")));
        assertFalse(test("q = z"));
        assertTrue(test("q <> z"));
        assertTrue(test("q <> :v", ":v", n("1")));
        assertFalse(test("q < :v", ":v", n("1")));
        assertFalse(test("q BETWEEN :a AND :b", ":a", n("1"), ":b", n("2")));
        assertFalse(test("q IN (:a)", ":a", n("1")));
    }

    @Test
    void orderingComparesNumbersNumericallyAndOnlyWithinOneType() {
        assertTrue(test("num > :v", ":v", n("9")));
        assertTrue(test("num <= :v", ":v", n("1E1")));
        assertFalse(test("num > :v", ":v", s("9")));
        assertFalse(test("tags > :v", ":v", s("a")) || test("tags < :v", ":v", s("a")));
    }

    /** Strings order by UTF-8 bytes, which is code point order, not Java's UTF-16 order. */
    @Test
    void stringsOrderByCodePoint() {
        Map<String, AttributeValue> item = item("a", s("\uFF61"));
        assertTrue(test(item, "a < :v", ":v", s("\uD83D\uDE00")));
        assertTrue(test("str < :v", ":v", s("bananas")));
    }

    @Test
    void binariesOrderAsUnsignedBytes() {
        Map<String, AttributeValue> item = item("a", AttributeValue.b(new byte[] {(byte) 0xff}));
        assertTrue(test(item, "a > :v", ":v", AttributeValue.b(new byte[] {0x01})));
    }

    @Test
    void betweenIsInclusive() {
        assertTrue(test("num BETWEEN :lo AND :hi", ":lo", n("10"), ":hi", n("10")));
        assertFalse(test("num BETWEEN :lo AND :hi", ":lo", n("11"), ":hi", n("12")));
        assertFalse(test("num BETWEEN :lo AND :hi", ":lo", s("1"), ":hi", s("2")));
    }

    @Test
    void inMatchesAnyCandidateWithEquality() {
        assertTrue(test("num IN (:a, :b)", ":a", s("10"), ":b", n("10")));
        assertTrue(test("tags IN (:a)", ":a", ss("green", "red")));
        assertFalse(test("num IN (:a, :b)", ":a", n("1"), ":b", n("2")));
    }

    @Test
    void existenceAndTypeFunctions() {
        assertTrue(test("attribute_exists(doc.b[1].c)"));
        assertFalse(test("attribute_exists(doc.b[2])"));
        assertTrue(test("attribute_not_exists(doc.c)"));
        assertTrue(test("attribute_exists(nothing)"));
        assertTrue(test("attribute_type(nums, :t)", ":t", s("NS")));
        assertFalse(test("attribute_type(num, :t)", ":t", s("S")));
        assertFalse(test("attribute_type(absent, :t)", ":t", s("S")));
    }

    @Test
    void beginsWithTakesStringOrBinaryPrefixesOfTheSameType() {
        assertTrue(test("begins_with(str, :p)", ":p", s("ban")));
        assertFalse(test("begins_with(str, :p)", ":p", s("nan")));
        assertTrue(test("begins_with(bin, :p)", ":p", b("\u0001\u0002")));
        assertFalse(test("begins_with(num, :p)", ":p", s("1")));
        assertFalse(test("begins_with(str, :p)", ":p", b("b")));
    }

    /** contains: substring, set member of the set's element type, or an equal list element. */
    @Test
    void containsLooksIntoStringsSetsAndLists() {
        assertTrue(test("contains(str, :v)", ":v", s("nan")));
        assertTrue(test("contains(bin, :v)", ":v", b("\u0002\u0003")));
        assertTrue(test("contains(tags, :v)", ":v", s("red")));
        assertFalse(test("contains(tags, :v)", ":v", ss("red")));
        assertTrue(test("contains(nums, :v)", ":v", n("2.5")));
        assertFalse(test("contains(nums, :v)", ":v", s("1")));
        assertTrue(test("contains(blobs, :v)", ":v", b("y")));
        assertTrue(test("contains(lst, :v)", ":v", m("k", s("v"))));
        assertTrue(test("contains(lst, :v)", ":v", n("2")));
        assertFalse(test("contains(num, :v)", ":v", n("1")));
    }

    /** size: UTF-8 bytes of a string, bytes of a binary, members of a set, list or map; none for numbers. */
    @Test
    void sizeMeasuresEachTypeItsOwnWay() {
        assertTrue(test(item("a", s("h\u00e9")), "size(a) = :v", ":v", n("3")));
        assertTrue(test("size(bin) = :v", ":v", n("3")));
        assertTrue(test("size(tags) = :v", ":v", n("2")));
        assertTrue(test("size(lst) = :v", ":v", n("3")));
        assertTrue(test("size(doc.b) = :v", ":v", n("2")));
        assertFalse(test("size(num) = :v", ":v", n("2")));
        assertTrue(test("size(num) <> :v", ":v", n("2")));
        assertFalse(test("size(absent) >= :v", ":v", n("0")));
    }

    @Test
    void nestedPathsAndPlaceholdersResolve() {
        ItemCondition condition = ConditionExpressions.compile("#m.b[1].#c = :v AND NOT (str = :w OR num < :n)", "ConditionExpression",
                new ExpressionAttributes(names("#m", "doc", "#c", "c"), item(":v", s("deep"), ":w", s("apple"), ":n", n("5"))));
        assertTrue(condition.test(ITEM));
        assertEquals(Set.of("doc", "str", "num"), condition.attributes());
        assertEquals(Set.of("doc"), condition.nestedAttributes());
    }

    @Test
    void aNameWithADotIsOneAttribute() {
        Map<String, AttributeValue> item = item("a.b", s("flat"), "a", m("b", s("nested")));
        ItemCondition condition = ConditionExpressions.compile("#ab = :v", "ConditionExpression",
                new ExpressionAttributes(names("#ab", "a.b"), item(":v", s("flat"))));
        assertTrue(condition.test(item));
    }

    @Test
    void anAbsentItemIsAnEmptyItem() {
        assertTrue(test(Map.of(), "attribute_not_exists(pk)"));
        assertFalse(test(Map.of(), "attribute_exists(pk) OR pk = :v", ":v", s("key")));
    }
}
