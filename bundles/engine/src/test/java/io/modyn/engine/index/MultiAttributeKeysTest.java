package io.modyn.engine.index;

import static io.modyn.engine.index.IndexFixture.all;
import static io.modyn.engine.index.IndexFixture.defs;
import static io.modyn.engine.index.IndexFixture.index;
import static io.modyn.engine.index.IndexFixture.item;
import static io.modyn.engine.index.IndexFixture.keys;
import static io.modyn.engine.index.IndexFixture.n;
import static io.modyn.engine.index.IndexFixture.s;
import static io.modyn.engine.index.IndexFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A global index keyed by several attributes (tournament and area partition it; round, then match,
 * sort it): equality on every partition attribute, sort conditions left to right, only the last a range.
 */
class MultiAttributeKeysTest {

    private final IndexFixture fixture = new IndexFixture();

    @BeforeEach
    void createTable() {
        fixture.create(table("matches", defs("id", "S", "tournament", "S", "area", "S", "round", "N", "match", "S"), keys("id", "HASH"), null,
                List.of(index("byBracket", keys("tournament", "HASH", "area", "HASH", "round", "RANGE", "match", "RANGE"), all()))));
        put("m1", "w24", "east", "1", "a");
        put("m2", "w24", "east", "1", "b");
        put("m3", "w24", "east", "2", "a");
        put("m4", "w24", "east", "10", "a");
        put("m5", "w24", "west", "1", "a");
        fixture.put("matches", item("id", s("m6"), "tournament", s("w24"), "area", s("east"))); // no sort attributes: not indexed
    }

    @Test
    void equalityOnAllPartitionAttributesReadsTheirPartitionInSortOrder() {
        assertEquals(List.of("m1", "m2", "m3", "m4"), ids(query("tournament = :t AND area = :a")));
    }

    @Test
    void sortAttributesNarrowLeftToRight() {
        assertEquals(List.of("m1", "m2"), ids(query("tournament = :t AND area = :a AND #r = :one")));
        assertEquals(List.of("m2"), ids(query("tournament = :t AND area = :a AND #r = :one AND #m = :b")));
        assertEquals(List.of("m3", "m4"), ids(query("tournament = :t AND area = :a AND #r > :one")));
        assertEquals(List.of("m2"), ids(query("tournament = :t AND area = :a AND #r = :one AND #m > :a2")));
        assertEquals(List.of("m1", "m2", "m3"), ids(query("tournament = :t AND area = :a AND #r BETWEEN :one AND :two")));
    }

    @Test
    void pagesFollowTheSameOrder() {
        IndexFixture.Query query = base("tournament = :t AND area = :a").limit(1);
        assertEquals(List.of("m1", "m2", "m3", "m4"), ids(query.all()));
        Map<String, AttributeValue> first = query.run().lastEvaluatedKey();
        assertEquals(item("id", s("m1"), "tournament", s("w24"), "area", s("east"), "round", n("1"), "match", s("a")), first);
    }

    @Test
    void everyPartitionAttributeNeedsAnEquality() {
        assertError("Query condition missed key schema element: area", () -> query("tournament = :t"));
        assertError("Query key condition not supported", () -> query("tournament = :t AND area > :a"));
    }

    @Test
    void sortAttributesMayNotBeSkippedAndOnlyTheLastIsARange() {
        assertError("RANGE key attributes round must have equality conditions specified in the query because a condition is "
                + "present on key attribute match", () -> query("tournament = :t AND area = :a AND #m = :b"));
        assertError("RANGE key attributes round must have equality conditions specified in the query because a condition is "
                + "present on key attribute match", () -> query("tournament = :t AND area = :a AND #r > :one AND #m = :b"));
    }

    private void put(String id, String tournament, String area, String round, String match) {
        fixture.put("matches", item("id", s(id), "tournament", s(tournament), "area", s(area), "round", n(round), "match", s(match)));
    }

    private IndexFixture.Query base(String condition) {
        IndexFixture.Query query = fixture.query("matches", "byBracket").where(condition, ":t", s("w24"), ":a", s("east"));
        if (condition.contains(":one")) query.values.put(":one", n("1"));
        if (condition.contains(":two")) query.values.put(":two", n("2"));
        if (condition.contains(":b")) query.values.put(":b", s("b"));
        if (condition.contains(":a2")) query.values.put(":a2", s("a"));
        if (condition.contains("#r")) query.names("#r", "round");
        if (condition.contains("#m")) query.names("#m", "match");
        return query;
    }

    private List<Map<String, AttributeValue>> query(String condition) {
        return base(condition).all();
    }

    private static List<String> ids(List<Map<String, AttributeValue>> items) {
        return items.stream().map(i -> ((AttributeValue.S) i.get("id")).value()).toList();
    }

    private static void assertError(String message, Executable request) {
        assertEquals(message, assertThrows(DynamoException.class, request).getMessage());
    }
}
