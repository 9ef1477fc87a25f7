package io.modyn.engine.partiql;

import static io.modyn.engine.partiql.PartiqlFixture.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modyn.api.dynamodb.ExecuteStatementRequest;
import io.modyn.api.dynamodb.ExecuteStatementResponse;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ExecuteStatement through the engine over in-memory storage: each statement kind and its errors. */
class ExecuteStatementOperationTest {

    private final PartiqlFixture db = new PartiqlFixture();

    @Test
    void insertedItemIsReadBackByKeyWithEveryLiteralType() {
        db.run("INSERT INTO items VALUE {'id': 'a', 'n': 1.50, 'b': true, 'z': null, 'l': [1, 'x'], 'm': {'k': ?}, 'ss': <<'p', 'q'>>, 'ns': <<1, 2>>}",
                AttributeValue.s("v"));

        ExecuteStatementResponse read = db.run("SELECT * FROM items WHERE id = 'a'");

        assertEquals(List.of(item("id", "a", "n", new BigDecimal("1.5"), "b", AttributeValue.bool(true), "z", AttributeValue.nul(),
                "l", new AttributeValue.L(List.of(AttributeValue.n(1), AttributeValue.s("x"))),
                "m", new AttributeValue.M(Map.of("k", AttributeValue.s("v"))),
                "ss", new AttributeValue.SS(List.of("p", "q")),
                "ns", new AttributeValue.NS(List.of(BigDecimal.ONE, BigDecimal.valueOf(2))))), read.items());
        assertNull(read.nextToken());
    }

    @Test
    void insertOfAnExistingKeyIsADuplicateItem() {
        db.run("INSERT INTO items VALUE {'id': 'a', 'v': 'first'}");
        DynamoException e = db.fails("INSERT INTO items VALUE {'id': 'a', 'v': 'second'}");

        assertEquals(ErrorType.DUPLICATE_ITEM, e.type());
        assertEquals("Duplicate primary key exists in table", e.getMessage());
        assertEquals(AttributeValue.s("first"), db.get("items", item("id", "a")).get("v"));
    }

    @Test
    void projectionNamesEachPathByItsLastName() {
        db.run("INSERT INTO items VALUE {'id': 'a', 'm': {'nested': 'deep', 'other': 1}, 'l': ['x', 'y'], 'extra': 'no'}");

        assertEquals(List.of(item("id", "a", "nested", "deep")), db.run("SELECT id, m.nested, absent FROM items WHERE id = 'a'").items());
        assertEquals(List.of(item("l", "y")), db.run("SELECT l[1] FROM items WHERE id = 'a'").items());
    }

    @Test
    void conditionsBeyondTheKeyFilterAPointRead() {
        db.run("INSERT INTO items VALUE {'id': 'a', 'age': 30, 'kind': 'alpha'}");

        assertEquals(1, db.run("SELECT * FROM items WHERE id = 'a' AND age > 20").items().size());
        assertEquals(0, db.run("SELECT * FROM items WHERE id = 'a' AND age > 40").items().size());
        assertEquals(1, db.run("SELECT * FROM items WHERE id = 'a' AND \"kind\" IS NOT MISSING AND nothing IS MISSING").items().size());
        assertEquals(0, db.run("SELECT * FROM items WHERE id = 'missing'").items().size());
    }

    @Test
    void aWhereWithoutThePartitionKeyScansWithAFilter() {
        for (int i = 0; i < 6; i++) db.run("INSERT INTO items VALUE {'id': ?, 'n': ?, 'tags': <<'t'>>}", AttributeValue.s("k" + i), AttributeValue.n(i));

        assertEquals(List.of("k2", "k3", "k4"), ids(db.run("SELECT id FROM items WHERE n BETWEEN 2 AND 4").items()));
        assertEquals(List.of("k0", "k5"), ids(db.run("SELECT id FROM items WHERE id IN ['k0', 'k5', 'nope']").items()));
        assertEquals(List.of("k1"), ids(db.run("SELECT id FROM items WHERE NOT n <> 1 AND contains(tags, 't') AND size(id) = 2").items()));
        assertEquals(List.of("k0"), ids(db.run("SELECT id FROM items WHERE attribute_type(n, 'N') AND n < 1").items()));
        assertEquals(6, db.run("SELECT * FROM items").items().size());
    }

    @Test
    void aPartitionEqualityQueriesWithTheSortKeyConditionAndOrderBy() {
        for (String song : List.of("alpha", "beta", "gamma", "prelude")) {
            db.run("INSERT INTO music VALUE {'Artist': 'Acme', 'Song': ?, 'Year': 2000}", AttributeValue.s(song));
        }
        db.run("INSERT INTO music VALUE {'Artist': 'Other', 'Song': 'alpha', 'Year': 1999}");

        assertEquals(List.of("alpha", "beta", "gamma", "prelude"), songs(db.run("SELECT Song FROM music WHERE Artist = 'Acme'").items()));
        assertEquals(List.of("prelude", "gamma"),
                songs(db.run("SELECT Song FROM music WHERE Artist = 'Acme' AND Song > 'beta' ORDER BY Song DESC").items()));
        assertEquals(List.of("beta", "gamma"), songs(db.run("SELECT * FROM music WHERE Artist='Acme' AND Song BETWEEN 'b' AND 'h'").items()));
        assertEquals(List.of("prelude"), songs(db.run("SELECT * FROM music WHERE Artist='Acme' AND begins_with(Song, 'pre')").items()));
        assertEquals(List.of("alpha"), songs(db.run("SELECT * FROM \"music\".\"byYear\" WHERE \"Year\" = 1999").items()));
    }

    @Test
    void limitAndNextTokenPage() {
        for (String song : List.of("a", "b", "c")) db.run("INSERT INTO music VALUE {'Artist': 'P', 'Song': ?}", AttributeValue.s(song));
        String statement = "SELECT Song FROM music WHERE Artist = 'P'";

        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ExecuteStatementResponse page = db.run(new ExecuteStatementRequest(statement, null, null, token, null, 1, null));
            seen.addAll(songs(page.items()));
            token = page.nextToken();
            pages++;
        } while (token != null && pages < 10);

        assertEquals(List.of("a", "b", "c"), seen);
        String first = db.run(new ExecuteStatementRequest(statement, null, null, null, null, 1, null)).nextToken();
        DynamoException mismatch = org.junit.jupiter.api.Assertions.assertThrows(DynamoException.class,
                () -> db.run(new ExecuteStatementRequest("SELECT * FROM music WHERE Artist = 'P'", null, null, first, null, 1, null)));
        assertEquals("NextToken does not match request", mismatch.getMessage());
    }

    @Test
    void updateSetsRemovesAndAppliesFunctions() {
        db.run("INSERT INTO items VALUE {'id': 'a', 'n': 1, 'l': [1], 'ss': <<'x', 'y'>>, 'gone': 'g'}");

        db.run("UPDATE items SET n = n + 2 SET l = list_append(l, [2, 3]) SET ss = set_add(ss, <<'z'>>) REMOVE gone WHERE id = 'a'");
        db.run("UPDATE items SET ss = set_delete(ss, <<'x'>>) WHERE id = 'a'");

        Map<String, AttributeValue> item = db.get("items", item("id", "a"));
        assertEquals(AttributeValue.n(3), item.get("n"));
        assertEquals(new AttributeValue.L(List.of(AttributeValue.n(1), AttributeValue.n(2), AttributeValue.n(3))), item.get("l"));
        assertEquals(List.of("y", "z"), ((AttributeValue.SS) item.get("ss")).values().stream().sorted().toList());
        assertNull(item.get("gone"));
    }

    @Test
    void updateReturningAnswersTheAttributesAsItems() {
        db.run("INSERT INTO items VALUE {'id': 'a', 'data': 'old', 'keep': 'same'}");

        assertEquals(List.of(item("data", "old")), db.run("UPDATE items SET data = 'new' WHERE id = 'a' RETURNING MODIFIED OLD *").items());
        assertEquals(List.of(item("id", "a", "data", "newer", "keep", "same")),
                db.run("UPDATE items SET data = 'newer' WHERE id = 'a' RETURNING ALL NEW *").items());
        assertEquals(List.of(), db.run("UPDATE items REMOVE data WHERE id = 'a' RETURNING MODIFIED NEW *").items());
        assertEquals(List.of(), db.run("UPDATE items SET data = 'x' WHERE id = 'a'").items());
    }

    @Test
    void updateNeedsTheItemAndItsConditionToHold() {
        db.run("INSERT INTO items VALUE {'id': 'a', 'name': 'alpha', 'n': 5}");

        DynamoException falseCondition = db.fails("UPDATE items SET n = 9 WHERE id = 'a' AND \"name\" = 'beta'");
        DynamoException missingItem = db.fails("UPDATE items SET n = 9 WHERE id = 'nope'");
        db.run("UPDATE items SET n = 9 WHERE id = 'a' AND \"name\" = 'alpha'");

        assertEquals(ErrorType.CONDITIONAL_CHECK_FAILED, falseCondition.type());
        assertEquals("The conditional request failed", falseCondition.getMessage());
        assertEquals(ErrorType.CONDITIONAL_CHECK_FAILED, missingItem.type());
        assertNull(db.get("items", item("id", "nope")));
        assertEquals(AttributeValue.n(9), db.get("items", item("id", "a")).get("n"));
    }

    @Test
    void aFailedConditionReturnsTheItemWhenAsked() {
        db.run("INSERT INTO items VALUE {'id': 'a', 'v': 'here'}");

        DynamoException e = org.junit.jupiter.api.Assertions.assertThrows(DynamoException.class, () -> db.run(new ExecuteStatementRequest(
                "UPDATE items SET touched = 'yes' WHERE id = 'a' AND v = 'wrong'", null, null, null, null, null, "ALL_OLD")));

        assertEquals(ErrorType.CONDITIONAL_CHECK_FAILED, e.type());
        assertEquals(item("id", "a", "v", "here"), e.item());
    }

    @Test
    void modifiedReturnsOnlyTheChangedLeafOfANestedPath() {
        db.run("INSERT INTO items VALUE {'id': 'a', 'profile': {'sub': 'old', 'sib': 'keep'}}");

        assertEquals(List.of(item("profile", new AttributeValue.M(Map.of("sub", AttributeValue.s("new"))))),
                db.run("UPDATE items SET profile.sub = 'new' WHERE id = 'a' RETURNING MODIFIED NEW *").items());
        assertEquals(1, db.run("SELECT id FROM items WHERE id = 'a' AND profile.sib IS NOT NULL AND profile.none IS MISSING").items().size());
        assertEquals(0, db.run("SELECT id FROM items WHERE id = 'a' AND profile IS STRING").items().size());
    }

    @Test
    void writesNeedEqualityOnEveryKeyAttribute() {
        assertEquals("Where clause does not contain a mandatory equality on all key attributes",
                db.fails("DELETE FROM items WHERE \"name\" = 'alpha'").getMessage());
        assertEquals("Where clause does not contain a mandatory equality on all key attributes",
                db.fails("UPDATE music SET a = 1 WHERE Artist = 'x'").getMessage());
        assertEquals("Where clause does not contain a mandatory equality on all key attributes",
                db.fails("DELETE FROM items WHERE id > 'a'").getMessage());
    }

    @Test
    void deleteIsConditionalOnlyForAnItemThatExists() {
        db.run("INSERT INTO items VALUE {'id': 'a', 'name': 'alpha'}");

        assertEquals(ErrorType.CONDITIONAL_CHECK_FAILED, db.fails("DELETE FROM items WHERE id = 'a' AND NOT begins_with(\"name\", 'al')").type());
        assertEquals(List.of(), db.run("DELETE FROM items WHERE id = 'missing' AND \"name\" = 'x'").items());
        assertEquals(List.of(item("id", "a", "name", "alpha")), db.run("DELETE FROM items WHERE id = 'a' RETURNING ALL OLD *").items());
        assertNull(db.get("items", item("id", "a")));
        assertEquals(List.of(), db.run("DELETE FROM items WHERE id = 'a' RETURNING ALL OLD *").items());
    }

    @Test
    void deleteAcceptsOnlyReturningAllOld() {
        assertEquals("Invalid returning clause: RETURNING MODIFIED OLD *. Only RETURNING ALL OLD * is allowed in DELETE statements.",
                db.fails("DELETE FROM items WHERE id = 'x' RETURNING MODIFIED OLD *").getMessage());
        assertEquals("Invalid returning clause: RETURNING ALL NEW *. Only RETURNING ALL OLD * is allowed in DELETE statements.",
                db.fails("DELETE FROM items WHERE id = 'x' RETURNING ALL NEW *").getMessage());
    }

    @Test
    void comparisonsFollowTheExpressionEvaluator() {
        db.run("INSERT INTO items VALUE {'id': 'a', 'val': <<'a', 'b'>>}");

        assertEquals(1, db.run("SELECT id FROM items WHERE id = 'a' AND val = ?", new AttributeValue.SS(List.of("b", "a"))).items().size());
        assertEquals(0, db.run("SELECT id FROM items WHERE id = 'a' AND val <> ?", new AttributeValue.SS(List.of("b", "a"))).items().size());
        assertEquals("Incorrect operand type for operator or function; operator or function: <, operand type: BOOL",
                db.fails("SELECT id FROM items WHERE id = 'a' AND val < ?", AttributeValue.bool(true)).getMessage());
    }

    @Test
    void requestLevelErrors() {
        assertEquals("Number of parameters in request and statement don't match.",
                db.fails("SELECT * FROM items WHERE id = ?").getMessage());
        assertEquals("Number of parameters in request and statement don't match.",
                db.fails("SELECT * FROM items WHERE id = 'a'", AttributeValue.s("x")).getMessage());
        assertEquals(ErrorType.RESOURCE_NOT_FOUND, db.fails("SELECT * FROM nothere WHERE id = 'a'").type());
        assertEquals("The table does not have the specified index", db.fails("SELECT * FROM \"music\".\"nope\" WHERE Artist = 'a'").getMessage());
        assertEquals("The table does not have the specified index", db.fails("SELECT * FROM \"music\".\"music\" WHERE Artist = 'a'").getMessage());
        assertEquals("EXISTS can only be used in ExecuteTransaction write requests.",
                db.fails("EXISTS(SELECT * FROM items WHERE id = 'a' AND x = 1)").getMessage());
        assertEquals("Strongly consistent read is not supported on Global Secondary Indexes", org.junit.jupiter.api.Assertions.assertThrows(
                DynamoException.class, () -> db.run(new ExecuteStatementRequest("SELECT * FROM \"music\".\"byYear\" WHERE \"Year\" = 1",
                        null, true, null, null, null, null))).getMessage());
    }

    @Test
    void consumedCapacityIsReportedWhenAsked() {
        db.run("INSERT INTO items VALUE {'id': 'a'}");

        ExecuteStatementResponse read = db.run(new ExecuteStatementRequest("SELECT * FROM items WHERE id = 'a'", null, null, null, "TOTAL", null, null));
        ExecuteStatementResponse write = db.run(new ExecuteStatementRequest("UPDATE items SET v = 1 WHERE id = 'a'", null, null, null, "TOTAL", null, null));

        assertEquals(0.5, read.consumedCapacity().capacityUnits());
        assertNotNull(write.consumedCapacity());
        assertEquals(1.0, write.consumedCapacity().capacityUnits());
    }

    private static List<String> ids(List<Map<String, AttributeValue>> items) {
        return items.stream().map(i -> ((AttributeValue.S) i.get("id")).value()).sorted().toList();
    }

    private static List<String> songs(List<Map<String, AttributeValue>> items) {
        return items.stream().map(i -> ((AttributeValue.S) i.get("Song")).value()).toList();
    }
}
