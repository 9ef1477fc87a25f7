package io.modyn.engine.expr;

import static io.modyn.engine.expr.Values.item;
import static io.modyn.engine.expr.Values.l;
import static io.modyn.engine.expr.Values.m;
import static io.modyn.engine.expr.Values.n;
import static io.modyn.engine.expr.Values.names;
import static io.modyn.engine.expr.Values.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ProjectionExpression and AttributesToGet, after Alternator's test_projection_expression.py. */
class ProjectionExpressionsTest {

    private static final Map<String, AttributeValue> ITEM = item(
            "p", s("key"),
            "a", m("b", l(n("2"), n("4"), m("x", s("hi"), "y", s("yo"))), "c", n("5")),
            "b", s("hello"));

    private static Map<String, AttributeValue> project(String text) {
        return ProjectionExpressions.compile(text, new ExpressionAttributes(null, null)).apply(ITEM);
    }

    private static String error(String text, Map<String, String> names) {
        return assertThrows(DynamoException.class, () -> ProjectionExpressions.compile(text, new ExpressionAttributes(names, null)))
                .getMessage();
    }

    @Test
    void topLevelAttributesAreSelected() {
        assertEquals(item("a", ITEM.get("a"), "b", s("hello")), project(" a ,  b "));
        assertEquals(item(), project("nothere"));
    }

    /** Nested paths keep their place in the document; list elements come back in index order. */
    @Test
    void nestedPathsProjectPartialDocuments() {
        assertEquals(item("a", m("b", l(n("2"), n("4"), m("x", s("hi"), "y", s("yo"))))), project("a.b"));
        assertEquals(item("a", m("b", l(n("2")))), project("a.b[0]"));
        assertEquals(item("a", m("b", l(m("y", s("yo"))))), project("a.b[2].y"));
        assertEquals(item("a", m("b", l(n("2"), n("4")))), project("a.b[1],a.b[0]"));
        assertEquals(item("a", m("b", l(n("2")), "c", n("5"))), project("a.b[0],a.c"));
        assertEquals(item("a", m("c", n("5")), "b", s("hello")), project("a.c,b"));
    }

    /** A path that leads nowhere (missing, past the end, wrong type) contributes nothing at all. */
    @ParameterizedTest
    @ValueSource(strings = {"x", "a.b[3]", "a.x", "a.x.y", "a.b[3].x", "a.b.x", "a[0]", "a.b[0].x", "a.b[0][0]"})
    void pathsToNothingYieldAnEmptyItem(String text) {
        assertEquals(item(), project(text));
    }

    @Test
    void missingPathsAreIgnoredAmongOthers() {
        assertEquals(item("a", m("b", l(n("2")))), project("a.x, a.b[0], x, a.b[3].x"));
    }

    @Test
    void placeholdersNameOneElementEvenWithDots() {
        Map<String, AttributeValue> item = item("a.b", s("hi"), "a", m("b", s("yo"), "c", s("jo")));
        Projection projection = ProjectionExpressions.compile("#n1.#n2, #dotted", new ExpressionAttributes(names("#n1", "a", "#n2", "b", "#dotted", "a.b"), null));
        assertEquals(item("a", m("b", s("yo")), "a.b", s("hi")), projection.apply(item));
        assertEquals(Set.of("a"), projection.nestedAttributes());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a, a|[a]|[a]",
            "a, a.b|[a]|[a, b]",
            "a.b, a|[a, b]|[a]",
            "a.b, a.b[2]|[a, b]|[a, b, [2]]",
            "a.b.d.e, a.b|[a, b, d, e]|[a, b]",
            "b[1], b.a, #a.b, a|[a, b]|[a]",
            "a, #a[1]|[a]|[a, [1]]"})
    void overlappingPathsAreRejected(String text, String one, String two) {
        assertEquals("Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these "
                + "paths; path one: " + one + ", path two: " + two, error(text, text.contains("#a") ? names("#a", "a") : null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a.b, #a[1], #b|[a, b]|[a, [1]]",
            "a.b[1], #a[1], #b|[a, b, [1]]|[a, [1]]",
            "a[3].b, #a.#b.b|[a, [3], b]|[a, [3], b]"})
    void conflictingPathsAreRejected(String text, String one, String two) {
        assertEquals("Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of these "
                + "paths; path one: " + one + ", path two: " + two, error(text, names("#a", "a", "#b", "[3]")));
    }

    @Test
    void nonOverlappingPathsAreAccepted() {
        for (String text : List.of("a, b", "a.b, a.c", "a.b.d, a.b.e", "a[1], a[2]", "a.b, a.c[2]")) {
            ProjectionExpressions.compile(text, new ExpressionAttributes(null, null));
        }
    }

    @Test
    void malformedProjectionsAreRejected() {
        assertEquals("Invalid ProjectionExpression: The expression can not be empty;", error("", null));
        for (String text : List.of("a,", ",a", "a,,b", "a b", ":v")) {
            assertTrue(error(text, null).startsWith("Invalid ProjectionExpression: Syntax error; token: "), text);
        }
        assertEquals("Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"", error("a,", null));
        assertEquals("Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name", error("a, name", null));
        assertEquals("Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; "
                + "attribute name: #x", error("#x", null));
    }

    @Test
    void attributesToGetSelectsTopLevelNamesLiterally() {
        Projection projection = ProjectionExpressions.attributesToGet(List.of("b", "a.c", "p"));
        assertEquals(item("b", s("hello"), "p", s("key")), projection.apply(ITEM));
        DynamoException e = assertThrows(DynamoException.class, () -> ProjectionExpressions.attributesToGet(List.of("a", "a")));
        assertEquals("One or more parameter values were invalid: Duplicate value in attribute name: a", e.getMessage());
    }
}
