package io.modyn.engine.partiql;

import static io.modyn.engine.partiql.PartiqlFixture.CONTEXT;
import static io.modyn.engine.partiql.PartiqlFixture.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.dynamodb.ExecuteTransactionRequest;
import io.modyn.api.dynamodb.ExecuteTransactionResponse;
import io.modyn.api.dynamodb.ParameterizedStatement;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.CancellationReason;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.TransactionCanceledException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ExecuteTransaction: writes as TransactWriteItems, reads as TransactGetItems, and their refusals. */
class ExecuteTransactionOperationTest {

    private final PartiqlFixture db = new PartiqlFixture();

    @Test
    void writesCommitTogether() {
        db.run("INSERT INTO items VALUE {'id': 'upd', 'data': 'before'}");

        ExecuteTransactionResponse response = transact(null, "INSERT INTO items VALUE {'id': 'new', 'data': 'txn'}",
                "UPDATE items SET data = 'after' WHERE id = 'upd'", "DELETE FROM items WHERE id = 'none'");

        assertNull(response.responses());
        assertEquals(AttributeValue.s("txn"), db.get("items", item("id", "new")).get("data"));
        assertEquals(AttributeValue.s("after"), db.get("items", item("id", "upd")).get("data"));
    }

    @Test
    void aDuplicateInsertCancelsEverythingWithReasonDuplicateItem() {
        db.run("INSERT INTO items VALUE {'id': 'dup', 'data': 'existing'}");

        TransactionCanceledException e = assertThrows(TransactionCanceledException.class, () -> transact(null,
                "INSERT INTO items VALUE {'id': 'other', 'data': 'rolled back'}", "INSERT INTO items VALUE {'id': 'dup', 'data': 'x'}"));

        assertEquals(List.of(new CancellationReason("None", null, null),
                new CancellationReason("DuplicateItem", "Duplicate primary key exists in table", null)), e.reasons());
        assertNull(db.get("items", item("id", "other")));
        assertEquals(AttributeValue.s("existing"), db.get("items", item("id", "dup")).get("data"));
    }

    @Test
    void existsIsAConditionCheck() {
        db.run("INSERT INTO items VALUE {'id': 'gate', 'open': false}");

        TransactionCanceledException e = assertThrows(TransactionCanceledException.class, () -> transact(null,
                "EXISTS(SELECT * FROM items WHERE id = 'gate' AND \"open\" = true)", "INSERT INTO items VALUE {'id': 'through'}"));
        assertEquals("ConditionalCheckFailed", e.reasons().get(0).code());
        assertNull(db.get("items", item("id", "through")));

        transact(null, "EXISTS(SELECT * FROM items WHERE id = 'gate' AND \"open\" = false)", "INSERT INTO items VALUE {'id': 'through'}");
        assertEquals(item("id", "through"), db.get("items", item("id", "through")));
    }

    @Test
    void theSameClientRequestTokenAppliesOnce() {
        db.run("INSERT INTO items VALUE {'id': 'counter', 'n': 0}");

        transact("token-1", "UPDATE items SET n = n + 1 WHERE id = 'counter'");
        transact("token-1", "UPDATE items SET n = n + 1 WHERE id = 'counter'");

        assertEquals(AttributeValue.n(1), db.get("items", item("id", "counter")).get("n"));
        DynamoException mismatch = assertThrows(DynamoException.class, () -> transact("token-1", "UPDATE items SET n = n + 5 WHERE id = 'counter'"));
        assertEquals(ErrorType.IDEMPOTENT_PARAMETER_MISMATCH, mismatch.type());
    }

    @Test
    void readsAnswerOneItemPerStatement() {
        db.run("INSERT INTO items VALUE {'id': 'a', 'v': 1, 'w': 2}");
        db.run("INSERT INTO items VALUE {'id': 'c', 'v': 1, 'w': 2}");

        // One item per statement: DynamoDB refuses a transaction that reads one item twice, as TransactGetItems does.
        ExecuteTransactionResponse response = transact(null, "SELECT v FROM items WHERE id = 'a'", "SELECT * FROM items WHERE id = 'b'",
                "SELECT * FROM items WHERE id = 'c' AND w = 3");

        assertEquals(Arrays.asList(item("v", 1), null, null), response.responses());
    }

    @Test
    void statementErrorsNameTheStatement() {
        assertEquals("Validation failed in TransactStatements[1]: RETURNING clause is not supported in ExecuteTransaction.",
                assertThrows(DynamoException.class, () -> transact(null, "INSERT INTO items VALUE {'id': 'a'}",
                        "UPDATE items SET data = 'v' WHERE id = 'x' RETURNING ALL NEW *")).getMessage());
        assertEquals("Validation failed in TransactStatements[0]: Reads on indices are not supported within transactions.",
                assertThrows(DynamoException.class, () -> transact(null, "SELECT * FROM \"music\".\"byYear\" WHERE \"Year\" = 1")).getMessage());
        assertEquals("Validation failed in TransactStatements[0]: Select statements within ExecuteTransaction must specify the primary key "
                + "in the where clause.", assertThrows(DynamoException.class, () -> transact(null, "SELECT * FROM items WHERE v = 1")).getMessage());
        assertEquals("Validation failed in TransactStatements[0]: Where clause does not contain a mandatory equality on all key attributes",
                assertThrows(DynamoException.class, () -> transact(null, "DELETE FROM items WHERE v = 1")).getMessage());
        assertNull(db.get("items", item("id", "a")));
    }

    private ExecuteTransactionResponse transact(String token, String... statements) {
        List<ParameterizedStatement> members = Arrays.stream(statements).map(s -> new ParameterizedStatement(s, null, null)).toList();
        return db.engine.executeTransaction(new ExecuteTransactionRequest(members, token, null), CONTEXT);
    }
}
