package io.modyn.engine.index;

import static io.modyn.engine.index.IndexFixture.all;
import static io.modyn.engine.index.IndexFixture.defs;
import static io.modyn.engine.index.IndexFixture.include;
import static io.modyn.engine.index.IndexFixture.index;
import static io.modyn.engine.index.IndexFixture.item;
import static io.modyn.engine.index.IndexFixture.keys;
import static io.modyn.engine.index.IndexFixture.keysOnly;
import static io.modyn.engine.index.IndexFixture.n;
import static io.modyn.engine.index.IndexFixture.s;
import static io.modyn.engine.index.IndexFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.dynamodb.ConsumedCapacity;
import io.modyn.api.dynamodb.QueryResponse;
import io.modyn.api.dynamodb.ScanResponse;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Query and Scan with IndexName: key conditions, paging, projections, the errors DynamoDB gives, capacity. */
class IndexQueryTest {

    private final IndexFixture fixture = new IndexFixture();

    @BeforeEach
    void createTable() {
        fixture.create(table("scores", defs("user", "S", "game", "S", "board", "S", "points", "N", "day", "S"),
                keys("user", "HASH", "game", "RANGE"),
                List.of(index("byDay", keys("user", "HASH", "day", "RANGE"), keysOnly())),
                List.of(index("byBoard", keys("board", "HASH", "points", "RANGE"), include("note")),
                        index("boardOnly", keys("board", "HASH"), all()))));
        for (int i = 0; i < 6; i++) {
            fixture.put("scores", item("user", s("u" + i), "game", s("g"), "board", s("b1"), "points", n(String.valueOf(10 * (i % 3))),
                    "day", s("d" + (5 - i)), "note", s("note" + i), "extra", s("x" + i)));
        }
        fixture.put("scores", item("user", s("u0"), "game", s("h"), "board", s("b2"), "points", n("7"), "day", s("d9")));
    }

    @Test
    void queryReturnsEntriesInIndexKeyThenTableKeyOrder() {
        List<String> users = users(fixture.query("scores", "byBoard").where("board = :b", ":b", s("b1")).all());
        assertEquals(List.of("u0", "u3", "u1", "u4", "u2", "u5"), users);
        List<String> backwards = users(fixture.query("scores", "byBoard").where("board = :b", ":b", s("b1")).backwards().all());
        assertEquals(List.of("u5", "u2", "u4", "u1", "u3", "u0"), backwards);
    }

    @Test
    void pagingThroughTiedIndexKeysVisitsEachEntryOnce() {
        IndexFixture.Query query = fixture.query("scores", "byBoard").where("board = :b AND points = :p", ":b", s("b1"), ":p", n("10")).limit(1);
        QueryResponse first = query.run();
        assertEquals(Map.of("user", s("u1"), "game", s("g"), "board", s("b1"), "points", n("10")), first.lastEvaluatedKey());
        assertEquals(List.of("u1", "u4"), users(query.all()));
    }

    @Test
    void sortKeyConditionsSelectARange() {
        assertEquals(List.of("u1", "u4", "u2", "u5"),
                users(fixture.query("scores", "byBoard").where("board = :b AND points >= :p", ":b", s("b1"), ":p", n("10")).all()));
        assertEquals(List.of("u0", "u3"),
                users(fixture.query("scores", "byBoard").where("board = :b AND points < :p", ":b", s("b1"), ":p", n("10")).all()));
        assertEquals(List.of("u1", "u4"), users(fixture.query("scores", "byBoard")
                .where("board = :b AND points BETWEEN :lo AND :hi", ":b", s("b1"), ":lo", n("5"), ":hi", n("15")).all()));
        assertEquals(List.of("u0"), users(fixture.query("scores", "byDay")
                .where("#u = :u AND begins_with(#d, :d)", ":u", s("u0"), ":d", s("d5")).names("#u", "user", "#d", "day").all()));
    }

    @Test
    void localIndexQueryOrdersByTheLocalSortKey() {
        List<Map<String, AttributeValue>> entries = fixture.query("scores", "byDay").where("#u = :u", ":u", s("u0")).names("#u", "user").all();
        assertEquals(List.of(item("user", s("u0"), "game", s("g"), "day", s("d5")), item("user", s("u0"), "game", s("h"), "day", s("d9"))),
                entries);
    }

    @Test
    void allProjectedAttributesReturnsWhatTheIndexHolds() {
        Map<String, AttributeValue> entry = fixture.query("scores", "byBoard").where("board = :b", ":b", s("b2"))
                .select("ALL_PROJECTED_ATTRIBUTES").all().get(0);
        assertEquals(item("user", s("u0"), "game", s("h"), "board", s("b2"), "points", n("7")), entry);
    }

    @Test
    void globalIndexRefusesWhatItCannotAnswer() {
        assertError("Consistent reads are not supported on global secondary indexes",
                () -> fixture.query("scores", "byBoard").where("board = :b", ":b", s("b1")).consistent().run());
        assertError("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index "
                + "byBoard because its projection type is not ALL",
                () -> fixture.query("scores", "byBoard").where("board = :b", ":b", s("b1")).select("ALL_ATTRIBUTES").run());
        assertError("One or more parameter values were invalid: Global secondary index byBoard does not project [extra]",
                () -> fixture.query("scores", "byBoard").where("board = :b", ":b", s("b1")).project("note, extra").run());
        assertError("One or more parameter values were invalid: Secondary index byBoard does not project one or more filter attributes: [extra]",
                () -> fixture.query("scores", "byBoard").where("board = :b", ":b", s("b1")).filter("extra = :x", ":x", s("x")).run());
        assertError("The table does not have the specified index: nope",
                () -> fixture.query("scores", "nope").where("board = :b", ":b", s("b1")).run());
    }

    @Test
    void localIndexFetchesUnprojectedAttributesFromTheTable() {
        QueryResponse response = fixture.query("scores", "byDay").where("#u = :u AND #d = :d", ":u", s("u1"), ":d", s("d4"))
                .names("#u", "user", "#d", "day").select("ALL_ATTRIBUTES").consistent().capacity("INDEXES").run();
        assertEquals(s("x1"), response.items().get(0).get("extra"));
        ConsumedCapacity capacity = response.consumedCapacity();
        assertEquals(1.0, capacity.localSecondaryIndexes().get("byDay").capacityUnits());
        assertEquals(1.0, capacity.table().capacityUnits());
        assertEquals(2.0, capacity.capacityUnits());
        Map<String, AttributeValue> projected = fixture.query("scores", "byDay").where("#u = :u", ":u", s("u1")).names("#u", "user")
                .project("note").run().items().get(0);
        assertEquals(Map.of("note", s("note1")), projected);
    }

    @Test
    void globalIndexReadReportsItsCapacity() {
        ConsumedCapacity capacity = fixture.query("scores", "byBoard").where("board = :b", ":b", s("b1")).capacity("INDEXES").run()
                .consumedCapacity();
        assertEquals(0.5, capacity.globalSecondaryIndexes().get("byBoard").capacityUnits());
        assertEquals(0.0, capacity.table().capacityUnits());
        assertEquals(0.5, capacity.capacityUnits());
        assertNull(capacity.localSecondaryIndexes());
    }

    @Test
    void startKeyMustBeAnEntryKeyWithinTheCondition() {
        assertError("The provided starting key is invalid: The provided key element does not match the schema",
                () -> fixture.query("scores", "byBoard").where("board = :b", ":b", s("b1")).after(item("board", s("b1"), "points", n("0"))).run());
        assertError("The provided starting key does not match the range key predicate",
                () -> fixture.query("scores", "byBoard").where("board = :b", ":b", s("b1"))
                        .after(item("user", s("u0"), "game", s("h"), "board", s("b2"), "points", n("7"))).run());
    }

    @Test
    void keyConditionIsCheckedAgainstTheIndexKeySchema() {
        assertError("Query condition missed key schema element: board",
                () -> fixture.query("scores", "byBoard").where("#u = :u", ":u", s("u0")).names("#u", "user").run());
        assertError("Filter Expression can only contain non-primary key attributes: Primary key attribute: points",
                () -> fixture.query("scores", "byBoard").where("board = :b", ":b", s("b1")).filter("points > :p", ":p", n("1")).run());
    }

    @Test
    void scanOfAnIndexPagesAndSplitsIntoSegments() {
        List<String> paged = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanResponse page = scanPage(null, null, start, 2);
            page.items().forEach(i -> paged.add(i.get("user").toString() + i.get("game")));
            start = page.lastEvaluatedKey();
        } while (start != null);
        assertEquals(7, paged.size());
        assertEquals(7, new HashSet<>(paged).size());

        Set<String> segmented = new HashSet<>();
        int total = 0;
        for (int segment = 0; segment < 3; segment++) {
            ScanResponse part = fixture.scan("scores", "boardOnly", segment, 3, null);
            total += part.count();
            part.items().forEach(i -> segmented.add(i.get("user").toString() + i.get("game")));
        }
        assertEquals(7, total);
        assertEquals(new HashSet<>(paged), segmented);
    }

    private ScanResponse scanPage(Integer segment, Integer totalSegments, Map<String, AttributeValue> start, int limit) {
        return fixture.engine.scan(new io.modyn.api.dynamodb.ScanRequest("scores", "boardOnly", null, limit, null, null, null, start, null,
                totalSegments, segment, null, null, null, null, null), IndexFixture.CONTEXT);
    }

    private static List<String> users(List<Map<String, AttributeValue>> items) {
        return items.stream().map(i -> ((AttributeValue.S) i.get("user")).value()).toList();
    }

    private static void assertError(String message, Executable request) {
        assertEquals(message, assertThrows(DynamoException.class, request).getMessage());
    }
}
