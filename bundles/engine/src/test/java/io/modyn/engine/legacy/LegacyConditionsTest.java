package io.modyn.engine.legacy;

import static io.modyn.engine.expr.Values.b;
import static io.modyn.engine.expr.Values.bool;
import static io.modyn.engine.expr.Values.item;
import static io.modyn.engine.expr.Values.l;
import static io.modyn.engine.expr.Values.m;
import static io.modyn.engine.expr.Values.n;
import static io.modyn.engine.expr.Values.ns;
import static io.modyn.engine.expr.Values.nul;
import static io.modyn.engine.expr.Values.s;
import static io.modyn.engine.expr.Values.ss;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.dynamodb.Condition;
import io.modyn.api.dynamodb.ExpectedAttributeValue;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.engine.expr.ItemCondition;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expected, QueryFilter and ScanFilter: validation messages from dynalite's tests against DynamoDB,
 * semantics from the API reference ("Condition", "ExpectedAttributeValue") and Alternator's
 * test_expected.py.
 */
class LegacyConditionsTest {

    private static final Map<String, AttributeValue> ITEM = item("a", n("2"), "s", s("hello"), "set", ns("2", "4", "7"),
            "list", l(n("2"), n("4")), "bin", b("hi there"), "flag", bool(true));

    private static ExpectedAttributeValue expect(AttributeValue value, Boolean exists, String operator, AttributeValue... list) {
        return new ExpectedAttributeValue(value, exists, operator, list.length == 0 ? null : Arrays.asList(list));
    }

    private static String expectedError(ExpectedAttributeValue entry) {
        return assertThrows(DynamoException.class, () -> LegacyConditions.expected(Map.of("a", entry), null)).getMessage();
    }

    private static boolean filter(String attribute, String operator, AttributeValue... values) {
        return LegacyConditions.filter(Map.of(attribute, new Condition(operator, List.of(values))), null, "ScanFilter").test(ITEM);
    }

    private static String filterError(String operator, AttributeValue... values) {
        Map<String, Condition> filter = Map.of("a", new Condition(operator, values.length == 0 ? null : List.of(values)));
        return assertThrows(DynamoException.class, () -> LegacyConditions.filter(filter, null, "ScanFilter")).getMessage();
    }

    @Test
    void expectedEntriesAreValidatedWithDynamoDbsMessages() {
        String prefix = "One or more parameter values were invalid: ";
        assertEquals(prefix + "Value or AttributeValueList must be used with ComparisonOperator: LT for Attribute: a",
                expectedError(expect(null, null, "LT")));
        assertEquals(prefix + "Exists and ComparisonOperator cannot be used together for Attribute: a",
                expectedError(expect(null, true, "LT")));
        assertEquals(prefix + "AttributeValueList can only be used with a ComparisonOperator for Attribute: a",
                expectedError(new ExpectedAttributeValue(null, true, null, List.of())));
        assertEquals(prefix + "Value and AttributeValueList cannot be used together for Attribute: a",
                expectedError(new ExpectedAttributeValue(s("a"), null, "EQ", List.of(s("a")))));
        assertEquals(prefix + "Invalid number of argument(s) for the BETWEEN ComparisonOperator", expectedError(expect(s("a"), null, "BETWEEN")));
        assertEquals(prefix + "Invalid number of argument(s) for the NULL ComparisonOperator", expectedError(expect(s("a"), null, "NULL")));
        assertEquals(prefix + "AttributeValues inside AttributeValueList must be of same type", expectedError(expect(null, null, "IN", s("b"), n("1"))));
        assertEquals("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound",
                expectedError(expect(null, null, "BETWEEN", s("b"), s("a"))));
        assertEquals(prefix + "Value must be provided when Exists is null for Attribute: a", expectedError(expect(null, null, null)));
        assertEquals(prefix + "Value must be provided when Exists is true for Attribute: a", expectedError(expect(null, true, null)));
        assertEquals(prefix + "Value cannot be used when Exists is false for Attribute: a", expectedError(expect(s("a"), false, null)));
    }

    @Test
    void expectedValueMeansEqualityAndExistsFalseMeansAbsence() {
        assertTrue(LegacyConditions.expected(Map.of("a", expect(n("2"), null, null)), null).test(ITEM));
        assertTrue(LegacyConditions.expected(Map.of("a", expect(n("2"), true, null)), null).test(ITEM));
        assertFalse(LegacyConditions.expected(Map.of("z", expect(n("2"), null, null)), null).test(ITEM));
        assertTrue(LegacyConditions.expected(Map.of("z", expect(null, false, null)), null).test(ITEM));
        assertFalse(LegacyConditions.expected(Map.of("a", expect(null, false, null)), null).test(ITEM));
        assertTrue(LegacyConditions.expected(Map.of("a", expect(n("1"), null, "GT")), null).test(ITEM));
    }

    @Test
    void conditionalOperatorCombinesEntries() {
        Map<String, ExpectedAttributeValue> expected = new LinkedHashMap<>();
        expected.put("a", expect(n("74"), true, null));
        expected.put("s", expect(null, null, "EQ", s("hello")));
        expected.put("c", expect(null, false, null));
        assertTrue(LegacyConditions.expected(expected, "OR").test(ITEM));
        assertFalse(LegacyConditions.expected(expected, "AND").test(ITEM));
        assertFalse(LegacyConditions.expected(expected, null).test(ITEM));
        assertTrue(LegacyConditions.expected(Map.of(), null).test(ITEM));
        DynamoException e = assertThrows(DynamoException.class, () -> LegacyConditions.expected(Map.of(), "OR"));
        assertEquals("ConditionalOperator cannot be used without Filter or Expected", e.getMessage());
    }

    @Test
    void comparisonOperatorsEvaluateLikeTheirExpressionCounterparts() {
        assertTrue(filter("a", "EQ", n("2")));
        assertFalse(filter("a", "EQ", s("2")));
        assertTrue(filter("a", "NE", s("2")));
        assertTrue(filter("q", "NE", n("1")));
        assertTrue(filter("a", "LE", n("2")) && filter("a", "GE", n("2")) && filter("a", "LT", n("3")) && filter("a", "GT", n("1")));
        assertFalse(filter("a", "LT", s("3")));
        assertTrue(filter("set", "EQ", ns("7", "4", "2")));
        assertTrue(filter("a", "NOT_NULL") && filter("q", "NULL") && !filter("a", "NULL"));
        assertTrue(filter("s", "BEGINS_WITH", s("hell")) && filter("bin", "BEGINS_WITH", b("hi")));
        assertFalse(filter("a", "BEGINS_WITH", s("2")));
        assertTrue(filter("a", "IN", n("1"), n("2"), n("8")));
        assertFalse(filter("set", "IN", n("2")));
        assertTrue(filter("a", "BETWEEN", n("1"), n("2")));
        assertFalse(filter("q", "BETWEEN", n("0"), n("100")));
    }

    /** CONTAINS: substring or member; NOT_CONTAINS is false for a missing attribute (Alternator test_expected.py). */
    @Test
    void containsAndNotContains() {
        assertTrue(filter("s", "CONTAINS", s("ell")));
        assertTrue(filter("set", "CONTAINS", n("4")));
        assertTrue(filter("list", "CONTAINS", n("4")));
        assertTrue(filter("bin", "CONTAINS", b("there")));
        assertFalse(filter("q", "CONTAINS", n("1")));
        assertTrue(filter("s", "NOT_CONTAINS", s("dog")));
        assertFalse(filter("set", "NOT_CONTAINS", n("4")));
        assertFalse(filter("q", "NOT_CONTAINS", n("1")));
    }

    /** dynalite test/scan.js: argument counts per operator. */
    @ParameterizedTest
    @ValueSource(strings = {"EQ", "NE", "LE", "LT", "GE", "GT", "CONTAINS", "NOT_CONTAINS", "BEGINS_WITH", "IN", "BETWEEN"})
    void operatorsNeedTheirNumberOfArguments(String operator) {
        assertEquals("One or more parameter values were invalid: Invalid number of argument(s) for the " + operator + " ComparisonOperator",
                filterError(operator));
    }

    @Test
    void nullOperatorsTakeNoArguments() {
        assertEquals("One or more parameter values were invalid: Invalid number of argument(s) for the NULL ComparisonOperator",
                filterError("NULL", s("a")));
        assertEquals("One or more parameter values were invalid: Invalid number of argument(s) for the NOT_NULL ComparisonOperator",
                filterError("NOT_NULL", s("a"), s("a")));
        assertEquals("One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN ComparisonOperator",
                filterError("BETWEEN", s("a"), s("a"), s("a")));
    }

    /** dynalite test/scan.js: value types each operator accepts. */
    @Test
    void operatorsAcceptOnlyTheirValueTypes() {
        for (String operator : List.of("LT", "LE", "GT", "GE", "IN")) {
            for (AttributeValue value : List.of(bool(true), nul(), ss("a"), ns("1"), m(), l())) {
                assertEquals("One or more parameter values were invalid: ComparisonOperator " + operator + " is not valid for "
                        + value.typeName() + " AttributeValue type", filterError(operator, value));
            }
        }
        assertEquals("One or more parameter values were invalid: ComparisonOperator CONTAINS is not valid for SS AttributeValue type",
                filterError("CONTAINS", ss("a")));
        assertEquals("One or more parameter values were invalid: ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type",
                filterError("BEGINS_WITH", n("1")));
        assertEquals("One or more parameter values were invalid: ComparisonOperator BETWEEN is not valid for M AttributeValue type",
                filterError("BETWEEN", m(), m()));
        // EQ and NE accept every type, maps and lists included (API reference, Condition)
        assertTrue(LegacyConditions.filter(Map.of("a", new Condition("EQ", List.of(m()))), null, "QueryFilter").test(item("a", m())));
    }

    @Test
    void comparisonOperatorIsRequiredAndMustBeKnown() {
        assertEquals("1 validation error detected: Value null at 'scanFilter.a.member.comparisonOperator' failed to satisfy constraint: "
                + "Member must not be null", filterError(null));
        assertEquals("1 validation error detected: Value 'LIKE' at 'scanFilter.a.member.comparisonOperator' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]",
                filterError("LIKE"));
    }

    @Test
    void filtersReportTheAttributesTheyRead() {
        Map<String, Condition> filter = new LinkedHashMap<>();
        filter.put("a", new Condition("EQ", List.of(n("1"))));
        filter.put("b", new Condition("NULL", null));
        ItemCondition condition = LegacyConditions.filter(filter, "OR", "QueryFilter");
        assertEquals(Set.of("a", "b"), condition.attributes());
    }
}
