package io.modyn.engine.operation;

import static io.modyn.engine.transaction.TransactRequests.CONTEXT;
import static io.modyn.engine.transaction.TransactRequests.check;
import static io.modyn.engine.transaction.TransactRequests.createTable;
import static io.modyn.engine.transaction.TransactRequests.delete;
import static io.modyn.engine.transaction.TransactRequests.getItem;
import static io.modyn.engine.transaction.TransactRequests.item;
import static io.modyn.engine.transaction.TransactRequests.key;
import static io.modyn.engine.transaction.TransactRequests.put;
import static io.modyn.engine.transaction.TransactRequests.update;
import static io.modyn.engine.transaction.TransactRequests.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.dynamodb.Capacity;
import io.modyn.api.dynamodb.ConsumedCapacity;
import io.modyn.api.dynamodb.PutItemRequest;
import io.modyn.api.dynamodb.TransactDelete;
import io.modyn.api.dynamodb.TransactPut;
import io.modyn.api.dynamodb.TransactWriteItem;
import io.modyn.api.dynamodb.TransactWriteItemsRequest;
import io.modyn.api.dynamodb.TransactWriteItemsResponse;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.CancellationReason;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.model.TransactionCanceledException;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.engine.DynamoDbEngine;
import io.modyn.engine.transaction.TransactRequests;
import io.modyn.engine.write.ChangeHook;
import io.modyn.engine.write.ItemChange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TransactWriteItems through the engine over the in-memory reference storage. */
class TransactWriteItemsOperationTest {

    /** Records the changes written through the ItemWriter, as index and stream hooks see them. */
    private final List<ItemChange> changes = Collections.synchronizedList(new ArrayList<>());
    private DynamoDbEngine engine;

    @BeforeEach
    void createTables() {
        ChangeHook recorder = new ChangeHook() {
            @Override
            public boolean needsOldItem(TableDefinition table) {
                return true;
            }

            @Override
            public void apply(StorageTransaction transaction, ItemChange change) {
                changes.add(change);
            }
        };
        engine = TransactRequests.engine(new InMemoryStorageEngine(), recorder);
        createTable(engine, "accounts");
        createTable(engine, "ledger");
        engine.putItem(new PutItemRequest("accounts", item("id", "a", "balance", 100), null, null, null, null, null,
                null, null, null, null), CONTEXT);
        engine.putItem(new PutItemRequest("accounts", item("id", "old", "x", "y"), null, null, null, null, null,
                null, null, null, null), CONTEXT);
        changes.clear();
    }

    @Test
    void putUpdateDeleteAndCheckOverTwoTablesApplyTogether() {
        engine.transactWriteItems(write(
                update("accounts", "a", "SET balance = balance - :amount", "balance >= :amount", item(":amount", 30)),
                put("ledger", item("id", "t1", "amount", 30)),
                delete("accounts", "old"),
                check("accounts", "nobody", "attribute_not_exists(id)")), CONTEXT);

        assertEquals(item("id", "a", "balance", 70), getItem(engine, "accounts", "a"));
        assertEquals(item("id", "t1", "amount", 30), getItem(engine, "ledger", "t1"));
        assertNull(getItem(engine, "accounts", "old"));
        assertNull(getItem(engine, "accounts", "nobody"));
        assertEquals(3, changes.size(), "the ConditionCheck writes nothing; every write goes through the ItemWriter");
        assertEquals(item("id", "a", "balance", 100), changes.get(0).oldItem());
        assertNull(changes.get(2).newItem());
    }

    @Test
    void failedConditionsCancelWithAReasonPerActionInRequestOrderAndWriteNothing() {
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class, () -> engine.transactWriteItems(write(
                put("ledger", item("id", "t1")),
                check("accounts", "nobody", "attribute_exists(id)"),
                put("accounts", item("id", "a", "balance", 0), "balance > :limit", item(":limit", 500), "ALL_OLD"),
                update("accounts", "old", "SET x = :z", "x = :z", item(":z", "z"))), CONTEXT));

        assertEquals("Transaction cancelled, please refer cancellation reasons for specific reasons "
                + "[None, ConditionalCheckFailed, ConditionalCheckFailed, ConditionalCheckFailed]", e.getMessage());
        List<CancellationReason> reasons = e.reasons();
        assertEquals(new CancellationReason("None", null, null), reasons.get(0));
        assertEquals(new CancellationReason("ConditionalCheckFailed", "The conditional request failed", null), reasons.get(1));
        assertEquals(new CancellationReason("ConditionalCheckFailed", "The conditional request failed", item("id", "a", "balance", 100)),
                reasons.get(2), "ALL_OLD returns the item with the reason");
        assertNull(reasons.get(3).item(), "without ALL_OLD no item");
        assertNull(getItem(engine, "ledger", "t1"));
        assertEquals(item("id", "a", "balance", 100), getItem(engine, "accounts", "a"));
        assertEquals(List.of(), changes);
    }

    @Test
    void updateThatCannotApplyToTheItemCancelsWithAValidationError() {
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class, () -> engine.transactWriteItems(write(
                put("ledger", item("id", "t1")),
                update("accounts", "old", "SET x = x + :one", null, item(":one", 1))), CONTEXT));

        assertEquals("None", e.reasons().get(0).code());
        assertEquals("ValidationError", e.reasons().get(1).code());
        assertNotNull(e.reasons().get(1).message());
        assertNull(getItem(engine, "ledger", "t1"));
    }

    @Test
    void invalidKeyCancelsWithAValidationErrorForTheFirstInvalidActionOnly() {
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class, () -> engine.transactWriteItems(write(
                put("ledger", item("id", 7)),
                put("ledger", item("id", 8)),
                put("ledger", item("id", "t1"), "attribute_exists(id)", null, null)), CONTEXT));

        assertEquals(List.of(
                new CancellationReason("ValidationError", "One or more parameter values were invalid: Type mismatch for key id expected: S actual: N", null),
                new CancellationReason("None", null, null),
                new CancellationReason("None", null, null)), e.reasons());
    }

    @Test
    void twoActionsOnOneItemAreRefused() {
        DynamoException e = assertThrows(DynamoException.class, () -> engine.transactWriteItems(write(
                put("accounts", item("id", "x")), check("accounts", "x", "attribute_not_exists(id)")), CONTEXT));
        assertEquals(ErrorType.VALIDATION, e.type());
        assertEquals("Transaction request cannot include multiple operations on one item", e.getMessage());

        engine.transactWriteItems(write(put("accounts", item("id", "x")), put("ledger", item("id", "x"))), CONTEXT);
        assertNotNull(getItem(engine, "ledger", "x"), "the same key in two tables is two items");
    }

    @Test
    void expressionErrorsFailTheWholeRequest() {
        DynamoException e = assertThrows(DynamoException.class, () -> engine.transactWriteItems(write(
                put("ledger", item("id", "t1"), "attribute_exists(id)", item(":xyz", 7), null)), CONTEXT));
        assertEquals(ErrorType.VALIDATION, e.type());
        assertEquals("Value provided in ExpressionAttributeValues unused in expressions: keys: {:xyz}", e.getMessage());
    }

    @Test
    void requestShapeIsCheckedWithDynamoDbMessages() {
        assertValidation("1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1", new TransactWriteItemsRequest(List.of(), null, null, null));
        List<TransactWriteItem> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) many.add(put("ledger", item("id", "k" + i)));
        assertValidation("1 validation error detected: Value at 'TransactItems' failed to satisfy constraint: "
                + "Member must have length less than or equal to 100", new TransactWriteItemsRequest(many, null, null, null));
        assertValidation("1 validation error detected: Value null at 'transactItems.1.member.delete.key' failed to satisfy constraint: "
                + "Member must not be null", write(new TransactWriteItem(null, null, new TransactDelete("ledger", null, null, null, null, null), null)));
        assertValidation("TransactItems can only contain one of Check, Put, Update or Delete", write(new TransactWriteItem(null,
                new TransactPut("ledger", item("id", "p"), null, null, null, null),
                new TransactDelete("ledger", key("d"), null, null, null, null), null)));
        assertValidation("The action or operation requested is invalid. Verify that the action is typed correctly.",
                write(new TransactWriteItem(null, null, null, null)));
        assertValidation("1 validation error detected: Value '" + "t".repeat(37) + "' at 'clientRequestToken' failed to satisfy constraint: "
                + "Member must have length less than or equal to 36", TransactRequests.write("t".repeat(37), List.of(put("ledger", item("id", "p")))));
        assertValidation("1 validation error detected: Value 'all' at 'transactItems.1.member.put.returnValuesOnConditionCheckFailure' "
                + "failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]",
                write(put("ledger", item("id", "p"), "attribute_exists(id)", null, "all")));
    }

    @Test
    void missingTableIsNotFound() {
        DynamoException e = assertThrows(DynamoException.class, () -> engine.transactWriteItems(write(
                put("ledger", item("id", "t1")), put("nothing", item("id", "t1"))), CONTEXT));
        assertEquals(ErrorType.RESOURCE_NOT_FOUND, e.type());
        assertNull(getItem(engine, "ledger", "t1"));
    }

    @Test
    void sameTokenAndRequestWithinTenMinutesIsAppliedOnce() {
        List<TransactWriteItem> increment = List.of(update("accounts", "a", "SET balance = balance + :one", null, item(":one", 1)));
        engine.transactWriteItems(TransactRequests.write("token-1", increment), CONTEXT);
        TransactWriteItemsResponse replay = engine.transactWriteItems(new TransactWriteItemsRequest(increment, "TOTAL", null, "token-1"), CONTEXT);
        engine.transactWriteItems(TransactRequests.write(null, increment), CONTEXT);

        assertEquals(item("id", "a", "balance", 102), getItem(engine, "accounts", "a"), "the replay changed nothing");
        assertEquals(List.of(new ConsumedCapacity("accounts", 2.0, null, null, null, null, null)), replay.consumedCapacity(),
                "a replay reports the read units of reading the item");
    }

    @Test
    void sameTokenWithAnotherRequestIsAMismatch() {
        engine.transactWriteItems(TransactRequests.write("token-1", List.of(put("ledger", item("id", "t1")))), CONTEXT);
        DynamoException e = assertThrows(DynamoException.class,
                () -> engine.transactWriteItems(TransactRequests.write("token-1", List.of(put("ledger", item("id", "t2")))), CONTEXT));
        assertEquals(ErrorType.IDEMPOTENT_PARAMETER_MISMATCH, e.type());
        assertNull(getItem(engine, "ledger", "t2"));
    }

    @Test
    void tokenOfACancelledTransactionRunsAgainOnRetry() {
        List<TransactWriteItem> withdraw = List.of(update("accounts", "a", "SET balance = balance - :amount", "balance >= :amount",
                item(":amount", 150)));
        assertThrows(TransactionCanceledException.class, () -> engine.transactWriteItems(TransactRequests.write("token-1", withdraw), CONTEXT));
        engine.transactWriteItems(write(update("accounts", "a", "SET balance = balance + :more", null, item(":more", 100))), CONTEXT);

        engine.transactWriteItems(TransactRequests.write("token-1", withdraw), CONTEXT);
        assertEquals(item("id", "a", "balance", 50), getItem(engine, "accounts", "a"));
    }

    @Test
    void capacityIsTwoWriteUnitsPerItemPerTable() {
        Map<String, AttributeValue> big = item("id", "big", "data", "x".repeat(1500));
        TransactWriteItemsResponse response = engine.transactWriteItems(new TransactWriteItemsRequest(List.of(
                put("ledger", item("id", "t1")), put("accounts", item("id", "b")), put("ledger", big)), "INDEXES", null, null), CONTEXT);

        assertEquals(List.of(
                new ConsumedCapacity("ledger", 6.0, null, null, new Capacity(6.0, null, 6.0), null, null),
                new ConsumedCapacity("accounts", 2.0, null, null, new Capacity(2.0, null, 2.0), null, null)), response.consumedCapacity());
    }

    private void assertValidation(String message, TransactWriteItemsRequest request) {
        DynamoException e = assertThrows(DynamoException.class, () -> engine.transactWriteItems(request, CONTEXT));
        assertEquals(ErrorType.VALIDATION, e.type(), e.getMessage());
        assertEquals(message, e.getMessage());
    }
}
