package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertDynamoError;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorMatching;
import static io.modyn.itests.support.TransactItemsConstraints.NONE;
import static io.modyn.itests.support.TransactItemsConstraints.TOO_MANY;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.ConcurrentWorkers;
import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.StoredItems;
import io.modyn.itests.support.TestTables;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * TransactWriteItems: Put, Update, Delete and ConditionCheck over several tables, all applied or
 * none (API reference, TransactWriteItems). A failing condition cancels the whole transaction with
 * TransactionCanceledException, whose CancellationReasons follow the order of the request (None for
 * the actions that would have succeeded; the old item with ReturnValuesOnConditionCheckFailure=
 * ALL_OLD). One item at most once per transaction, at most 100 actions, ClientRequestToken
 * idempotency with IdempotentParameterMismatchException for a reused token, and two write units
 * per item of up to 1 KB. Transactions that contend for one item either commit or are cancelled
 * with TransactionConflict, and none is lost.
 *
 * <p>Messages as captured against DynamoDB (paritysuite/dynamodb-conformance,
 * tests/tier3/error-messages/transactWriteItems.test.ts).
 */
@ExtendWith(SharedModynServer.class)
class TransactWriteItemsTest {

    private static final String CANCELLED = "Transaction cancelled, please refer cancellation reasons for specific reasons ";

    private static DynamoDbClient dynamo;
    private static String accounts;
    private static String ledger;

    @BeforeAll
    static void createTables(ModynServer server) {
        dynamo = DynamoDbClients.withoutRetries(server);
        accounts = TestTables.createHashTable(dynamo, "tx-accounts", ScalarAttributeType.S);
        ledger = TestTables.createHashRangeTable(dynamo, "tx-ledger", ScalarAttributeType.S, ScalarAttributeType.N);
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @Test
    void putUpdateDeleteAndConditionCheckApplyTogetherAcrossTables() {
        String id = unique();
        dynamo.putItem(put -> put.tableName(accounts).item(Map.of("pk", s(id + "-update"), "balance", n(10))));
        dynamo.putItem(put -> put.tableName(accounts).item(Map.of("pk", s(id + "-delete"))));
        dynamo.putItem(put -> put.tableName(accounts).item(Map.of("pk", s(id + "-check"), "open", n(1))));

        dynamo.transactWriteItems(tx -> tx.transactItems(
                put(ledger, Map.of("pk", s(id), "sk", n(1), "what", s("created"))),
                TransactWriteItem.builder().update(update -> update.tableName(accounts).key(key(id + "-update"))
                        .updateExpression("ADD balance :d").expressionAttributeValues(Map.of(":d", n(5)))).build(),
                TransactWriteItem.builder().delete(delete -> delete.tableName(accounts).key(key(id + "-delete"))).build(),
                TransactWriteItem.builder().conditionCheck(check -> check.tableName(accounts).key(key(id + "-check"))
                        .conditionExpression("#o = :one").expressionAttributeNames(Map.of("#o", "open"))
                        .expressionAttributeValues(Map.of(":one", n(1)))).build()));

        assertAll(
                () -> assertEquals(Map.of("pk", s(id), "sk", n(1), "what", s("created")),
                        StoredItems.get(dynamo, ledger, Map.of("pk", s(id), "sk", n(1)))),
                () -> assertEquals(n(15), StoredItems.get(dynamo, accounts, key(id + "-update")).get("balance")),
                () -> assertNull(StoredItems.get(dynamo, accounts, key(id + "-delete"))),
                () -> assertEquals(Map.of("pk", s(id + "-check"), "open", n(1)), StoredItems.get(dynamo, accounts, key(id + "-check"))));
    }

    @Test
    void aFailingConditionCancelsEveryActionWithReasonsInRequestOrder() {
        String id = unique();
        dynamo.putItem(put -> put.tableName(accounts).item(Map.of("pk", s(id + "-a"), "balance", n(1))));
        dynamo.putItem(put -> put.tableName(accounts).item(Map.of("pk", s(id + "-b"), "balance", n(2))));

        TransactionCanceledException error = assertThrows(TransactionCanceledException.class,
                () -> dynamo.transactWriteItems(tx -> tx.transactItems(
                        put(accounts, Map.of("pk", s(id + "-new"))),
                        TransactWriteItem.builder().update(update -> update.tableName(accounts).key(key(id + "-a"))
                                .updateExpression("SET balance = :zero").conditionExpression("balance > :ten")
                                .expressionAttributeValues(Map.of(":zero", n(0), ":ten", n(10)))).build(),
                        TransactWriteItem.builder().delete(delete -> delete.tableName(accounts).key(key(id + "-b"))).build())));

        assertAll(
                () -> assertEquals("TransactionCanceledException", error.awsErrorDetails().errorCode()),
                () -> assertEquals(400, error.statusCode()),
                () -> assertEquals(CANCELLED + "[None, ConditionalCheckFailed, None]", error.awsErrorDetails().errorMessage()),
                () -> assertEquals(List.of("None", "ConditionalCheckFailed", "None"), codes(error)),
                () -> assertEquals("The conditional request failed", error.cancellationReasons().get(1).message()),
                () -> assertFalse(error.cancellationReasons().get(1).hasItem(), "no item without ALL_OLD"),
                () -> assertNull(StoredItems.get(dynamo, accounts, key(id + "-new"))),
                () -> assertEquals(n(1), StoredItems.get(dynamo, accounts, key(id + "-a")).get("balance")),
                () -> assertNotNull(StoredItems.get(dynamo, accounts, key(id + "-b"))));
    }

    @Test
    void everyFailingActionHasItsReason() {
        String id = unique();
        dynamo.putItem(put -> put.tableName(accounts).item(Map.of("pk", s(id + "-1"))));
        dynamo.putItem(put -> put.tableName(accounts).item(Map.of("pk", s(id + "-2"))));

        TransactionCanceledException error = assertThrows(TransactionCanceledException.class,
                () -> dynamo.transactWriteItems(tx -> tx.transactItems(
                        conditionalPut(Map.of("pk", s(id + "-1"), "v", s("over")), null),
                        put(accounts, Map.of("pk", s(id + "-fresh"))),
                        conditionalPut(Map.of("pk", s(id + "-2"), "v", s("over")), null))));

        assertEquals(CANCELLED + "[ConditionalCheckFailed, None, ConditionalCheckFailed]", error.awsErrorDetails().errorMessage());
        assertEquals(List.of("ConditionalCheckFailed", "None", "ConditionalCheckFailed"), codes(error));
    }

    @Test
    void allOldReturnsTheItemThatFailedTheCondition() {
        String id = unique();
        Map<String, AttributeValue> original = Map.of("pk", s(id), "data", s("original"));
        dynamo.putItem(put -> put.tableName(accounts).item(original));

        TransactionCanceledException error = assertThrows(TransactionCanceledException.class,
                () -> dynamo.transactWriteItems(tx -> tx.transactItems(
                        conditionalPut(Map.of("pk", s(id), "data", s("new")), ReturnValuesOnConditionCheckFailure.ALL_OLD))));

        CancellationReason reason = error.cancellationReasons().get(0);
        assertEquals("ConditionalCheckFailed", reason.code());
        assertEquals(original, reason.item());
        assertEquals(original, StoredItems.get(dynamo, accounts, key(id)));
    }

    @Test
    void conditionCheckFailureWithAllOldReturnsTheCheckedItem() {
        String id = unique();
        Map<String, AttributeValue> checked = Map.of("pk", s(id), "state", s("locked"));
        dynamo.putItem(put -> put.tableName(accounts).item(checked));

        TransactionCanceledException error = assertThrows(TransactionCanceledException.class,
                () -> dynamo.transactWriteItems(tx -> tx.transactItems(
                        TransactWriteItem.builder().conditionCheck(check -> check.tableName(accounts).key(key(id))
                                .conditionExpression("#s = :open").expressionAttributeNames(Map.of("#s", "state"))
                                .expressionAttributeValues(Map.of(":open", s("open")))
                                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build())));

        assertEquals(List.of("ConditionalCheckFailed"), codes(error));
        assertEquals(checked, error.cancellationReasons().get(0).item());
    }

    @Test
    void oneItemTwiceInOneTransactionIsRefused() {
        String id = unique();
        StoredItems.assertUnchangedBy(dynamo, accounts, key(id), () -> assertValidationError(
                "Transaction request cannot include multiple operations on one item",
                () -> dynamo.transactWriteItems(tx -> tx.transactItems(
                        put(accounts, Map.of("pk", s(id), "v", n(1))),
                        TransactWriteItem.builder().conditionCheck(check -> check.tableName(accounts).key(key(id))
                                .conditionExpression("attribute_not_exists(pk)")).build()))));
    }

    @Test
    void oneHundredActionsAreAccepted() {
        String id = unique();
        List<TransactWriteItem> puts = IntStream.range(0, 100)
                .mapToObj(i -> put(ledger, Map.of("pk", s(id), "sk", n(i)))).toList();

        dynamo.transactWriteItems(tx -> tx.transactItems(puts));

        assertEquals(100, dynamo.query(query -> query.tableName(ledger).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s(id))).consistentRead(true)).count());
    }

    @Test
    void oneHundredAndOneActionsAreAConstraintViolation() {
        String id = unique();
        List<TransactWriteItem> puts = IntStream.range(0, 101)
                .mapToObj(i -> put(ledger, Map.of("pk", s(id), "sk", n(i)))).toList();

        assertValidationErrorMatching(TOO_MANY, () -> dynamo.transactWriteItems(tx -> tx.transactItems(puts)));
        assertNull(StoredItems.get(dynamo, ledger, Map.of("pk", s(id), "sk", n(0))));
    }

    @Test
    void itemsTotallingJustUnderFourMegabytesAreWrittenTogether() {
        String id = unique();
        String payload = "x".repeat(390_000);
        List<TransactWriteItem> puts = IntStream.range(0, 10)
                .mapToObj(i -> put(ledger, Map.of("pk", s(id), "sk", n(i), "payload", s(payload)))).toList();

        dynamo.transactWriteItems(tx -> tx.transactItems(puts));

        assertEquals(payload, StoredItems.get(dynamo, ledger, Map.of("pk", s(id), "sk", n(9))).get("payload").s());
    }

    @Test
    void itemsTotallingOverFourMegabytesAreRefusedAndNothingIsWritten() {
        String id = unique();
        String payload = "x".repeat(350_000);
        List<TransactWriteItem> puts = IntStream.range(0, 12)
                .mapToObj(i -> put(ledger, Map.of("pk", s(id), "sk", n(i), "payload", s(payload)))).toList();

        assertValidationError("Transaction size cannot exceed 4 MB: the aggregate size of the items in the transaction is too large",
                () -> dynamo.transactWriteItems(tx -> tx.transactItems(puts)));
        assertNull(StoredItems.get(dynamo, ledger, Map.of("pk", s(id), "sk", n(0))));
    }

    @Test
    void noActionsIsAConstraintViolation() {
        assertValidationErrorMatching(NONE, () -> dynamo.transactWriteItems(tx -> tx.transactItems(List.of())));
    }

    @Test
    void anUnknownTableIsResourceNotFoundAndNothingIsWritten() {
        String id = unique();
        String missing = TestTables.uniqueName("missing");

        assertDynamoError(ResourceNotFoundException.class, "ResourceNotFoundException", "Requested resource not found",
                () -> dynamo.transactWriteItems(tx -> tx.transactItems(
                        put(accounts, Map.of("pk", s(id))), put(missing, Map.of("pk", s(id))))));
        assertNull(StoredItems.get(dynamo, accounts, key(id)));
    }

    @Test
    void aWrongKeyTypeCancelsTheTransactionWithAValidationErrorReason() {
        TransactionCanceledException error = assertThrows(TransactionCanceledException.class,
                () -> dynamo.transactWriteItems(tx -> tx.transactItems(put(accounts, Map.of("pk", n(5))))));

        assertEquals(CANCELLED + "[ValidationError]", error.awsErrorDetails().errorMessage());
        assertEquals(List.of("ValidationError"), codes(error));
        assertEquals("One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N",
                error.cancellationReasons().get(0).message());
    }

    @Test
    void sameTokenAndSameRequestIsAppliedOnce() {
        String id = unique();
        String token = unique();
        dynamo.putItem(put -> put.tableName(accounts).item(Map.of("pk", s(id), "count", n(0))));
        List<TransactWriteItem> increment = List.of(TransactWriteItem.builder().update(update -> update.tableName(accounts)
                .key(key(id)).updateExpression("ADD #c :one").expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":one", n(1)))).build());

        dynamo.transactWriteItems(tx -> tx.clientRequestToken(token).transactItems(increment));
        dynamo.transactWriteItems(tx -> tx.clientRequestToken(token).transactItems(increment));

        assertEquals(n(1), StoredItems.get(dynamo, accounts, key(id)).get("count"));
        dynamo.transactWriteItems(tx -> tx.clientRequestToken(unique()).transactItems(increment));
        assertEquals(n(2), StoredItems.get(dynamo, accounts, key(id)).get("count"), "another token is another transaction");
    }

    @Test
    void sameTokenWithOtherParametersIsIdempotentParameterMismatch() {
        String id = unique();
        String token = unique();
        dynamo.transactWriteItems(tx -> tx.clientRequestToken(token)
                .transactItems(put(accounts, Map.of("pk", s(id), "v", s("first")))));

        // The API reference names the error; its message is not pinned here.
        IdempotentParameterMismatchException error = assertThrows(IdempotentParameterMismatchException.class,
                () -> dynamo.transactWriteItems(tx -> tx.clientRequestToken(token)
                        .transactItems(put(accounts, Map.of("pk", s(id), "v", s("second"))))));

        assertEquals("IdempotentParameterMismatchException", error.awsErrorDetails().errorCode());
        assertEquals(400, error.statusCode());
        assertEquals(s("first"), StoredItems.get(dynamo, accounts, key(id)).get("v"));
    }

    @Test
    void eachItemCostsTwoWriteUnitsPerStartedKilobyte() {
        String id = unique();
        List<ConsumedCapacity> capacity = dynamo.transactWriteItems(tx -> tx.transactItems(
                        put(accounts, Map.of("pk", s(id + "-1"))),
                        put(accounts, Map.of("pk", s(id + "-2"), "payload", s("x".repeat(1500)))),
                        put(ledger, Map.of("pk", s(id), "sk", n(1))))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

        Map<String, Double> byTable = capacity.stream()
                .collect(Collectors.toMap(ConsumedCapacity::tableName, ConsumedCapacity::capacityUnits));
        // 2 units for the small item, 4 for the one of two started kilobytes; 2 in the ledger.
        assertEquals(Map.of(accounts, 6.0, ledger, 2.0), byTable);
    }

    @Test
    void contendingTransactionsCommitOrAreCancelledWithTransactionConflictAndNoneIsLost() throws InterruptedException {
        String id = unique();
        dynamo.putItem(put -> put.tableName(accounts).item(Map.of("pk", s(id), "count", n(0))));
        AtomicInteger committed = new AtomicInteger();
        Set<String> otherReasons = ConcurrentHashMap.newKeySet();

        List<Throwable> failures = ConcurrentWorkers.run(6, Duration.ofSeconds(90), worker -> {
            for (int i = 0; i < 25; i++) {
                int sequence = worker * 1000 + i;
                try {
                    dynamo.transactWriteItems(tx -> tx.transactItems(
                            TransactWriteItem.builder().update(update -> update.tableName(accounts).key(key(id))
                                    .updateExpression("ADD #c :one").expressionAttributeNames(Map.of("#c", "count"))
                                    .expressionAttributeValues(Map.of(":one", n(1)))).build(),
                            put(ledger, Map.of("pk", s(id), "sk", n(sequence)))));
                    committed.incrementAndGet();
                } catch (TransactionCanceledException cancelled) {
                    codes(cancelled).stream().filter(code -> !code.equals("TransactionConflict") && !code.equals("None"))
                            .forEach(otherReasons::add);
                }
            }
        });

        assertEquals(List.of(), failures);
        assertEquals(Set.of(), otherReasons, "contention cancels with TransactionConflict only");
        assertEquals(n(committed.get()), StoredItems.get(dynamo, accounts, key(id)).get("count"));
        assertEquals(committed.get(), dynamo.query(query -> query.tableName(ledger).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s(id))).consistentRead(true)).count());
        assertTrue(committed.get() > 0, "some transaction committed");
    }

    private static TransactWriteItem put(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(put -> put.tableName(table).item(item)).build();
    }

    /** A put into the accounts table on condition that the item does not exist yet. */
    private static TransactWriteItem conditionalPut(Map<String, AttributeValue> item, ReturnValuesOnConditionCheckFailure onFailure) {
        return TransactWriteItem.builder().put(put -> put.tableName(accounts).item(item)
                .conditionExpression("attribute_not_exists(pk)").returnValuesOnConditionCheckFailure(onFailure)).build();
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", s(pk));
    }

    private static List<String> codes(TransactionCanceledException error) {
        return error.cancellationReasons().stream().map(CancellationReason::code).toList();
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }
}
