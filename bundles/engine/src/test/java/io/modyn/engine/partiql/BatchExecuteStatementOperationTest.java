package io.modyn.engine.partiql;

import static io.modyn.engine.partiql.PartiqlFixture.CONTEXT;
import static io.modyn.engine.partiql.PartiqlFixture.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.dynamodb.BatchExecuteStatementRequest;
import io.modyn.api.dynamodb.BatchExecuteStatementResponse;
import io.modyn.api.dynamodb.BatchStatementError;
import io.modyn.api.dynamodb.BatchStatementRequest;
import io.modyn.api.dynamodb.BatchStatementResponse;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BatchExecuteStatement: per-statement outcomes, the read/write split, and its limits. */
class BatchExecuteStatementOperationTest {

    private final PartiqlFixture db = new PartiqlFixture();

    @Test
    void readsAnswerOneItemPerStatementAndCapacityPerTable() {
        db.run("INSERT INTO items VALUE {'id': 'a', 'v': 1}");
        db.run("INSERT INTO items VALUE {'id': 'b', 'v': 2}");

        BatchExecuteStatementResponse response = batch("TOTAL",
                statement("SELECT * FROM items WHERE id = 'a'", null),
                new BatchStatementRequest("SELECT v FROM items WHERE id = ?", List.of(AttributeValue.s("b")), true, null),
                statement("SELECT * FROM items WHERE id = 'none'", null));

        assertEquals(List.of(
                new BatchStatementResponse(null, "items", item("id", "a", "v", 1)),
                new BatchStatementResponse(null, "items", item("v", 2)),
                new BatchStatementResponse(null, "items", null)), response.responses());
        assertEquals(1, response.consumedCapacity().size());
        assertEquals(0.5 + 1.0 + 0.5, response.consumedCapacity().get(0).capacityUnits());
    }

    @Test
    void aFailedMemberAnswersItsErrorWhileTheOthersRun() {
        db.run("INSERT INTO items VALUE {'id': 'dup', 'v': 'here'}");

        BatchExecuteStatementResponse response = batch(null,
                statement("INSERT INTO items VALUE {'id': 'dup'}", null),
                statement("UPDATE items SET touched = 'yes' WHERE id = 'dup' AND v = 'wrong'", null),
                statement("INSERT INTO nothere VALUE {'id': 'x'}", null),
                statement("SLECT * FROM items", null),
                statement("DELETE FROM items WHERE id = 'x' RETURNING MODIFIED OLD *", null),
                statement("INSERT INTO items VALUE {'id': 'new'}", null),
                statement("UPDATE items SET v = 'after' WHERE id = 'dup' RETURNING ALL NEW *", null));

        List<BatchStatementResponse> r = response.responses();
        assertEquals(new BatchStatementResponse(new BatchStatementError("DuplicateItem", "Duplicate primary key exists in table", null),
                "items", null), r.get(0));
        assertEquals(new BatchStatementResponse(new BatchStatementError("ConditionalCheckFailed", "The conditional request failed", null),
                "items", null), r.get(1));
        assertEquals("ResourceNotFound", r.get(2).error().code());
        assertNull(r.get(2).tableName());
        assertEquals(new BatchStatementResponse(new BatchStatementError("ValidationError",
                "Statement wasn't well formed, can't be processed: Expected data manipulation", null), null, null), r.get(3));
        assertEquals(new BatchStatementResponse(new BatchStatementError("ValidationError",
                "Invalid returning clause: RETURNING MODIFIED OLD *. Only RETURNING ALL OLD * is allowed in DELETE statements.", null),
                null, null), r.get(4));
        assertEquals(new BatchStatementResponse(null, "items", null), r.get(5));
        assertEquals(new BatchStatementResponse(null, "items", item("id", "dup", "v", "after")), r.get(6));
        assertEquals(AttributeValue.s("after"), db.get("items", item("id", "dup")).get("v"));
        assertNull(response.consumedCapacity());
    }

    @Test
    void aReadMustNameThePrimaryKeyOfTheTable() {
        BatchExecuteStatementResponse response = batch(null,
                statement("SELECT * FROM items WHERE v = 'a'", null),
                statement("SELECT * FROM \"music\".\"byYear\" WHERE \"Year\" = 1", null),
                statement("SELECT * FROM music WHERE Artist = 'a'", null));

        for (BatchStatementResponse r : response.responses()) {
            assertEquals(new BatchStatementResponse(new BatchStatementError("ValidationError",
                    "Select statements within BatchExecuteStatement must specify the primary key in the where clause.", null), null, null), r);
        }
    }

    @Test
    void readsAndWritesDoNotMixAndTheBatchHasLimits() {
        DynamoException mixed = assertThrows(DynamoException.class, () -> batch(null,
                statement("SELECT * FROM items WHERE id = 'a'", null), statement("INSERT INTO items VALUE {'id': 'a'}", null)));
        assertEquals("ValidationException", mixed.type().wireName());
        assertNull(db.get("items", item("id", "a")));

        List<BatchStatementRequest> many = new ArrayList<>();
        for (int i = 0; i < 26; i++) many.add(statement("SELECT * FROM items WHERE id = 'a'", null));
        DynamoException tooMany = assertThrows(DynamoException.class,
                () -> db.engine.batchExecuteStatement(new BatchExecuteStatementRequest(many, null), CONTEXT));
        assertTrue(tooMany.getMessage().startsWith("1 validation error detected: "), tooMany.getMessage());
        assertTrue(tooMany.getMessage().endsWith(
                "at 'statements' failed to satisfy constraint: Member must have length less than or equal to 25"), tooMany.getMessage());
        assertThrows(DynamoException.class, () -> db.engine.batchExecuteStatement(new BatchExecuteStatementRequest(List.of(), null), CONTEXT));
    }

    private BatchExecuteStatementResponse batch(String returnConsumedCapacity, BatchStatementRequest... statements) {
        return db.engine.batchExecuteStatement(new BatchExecuteStatementRequest(List.of(statements), returnConsumedCapacity), CONTEXT);
    }

    private static BatchStatementRequest statement(String statement, List<AttributeValue> parameters) {
        return new BatchStatementRequest(statement, parameters, null, null);
    }
}
