package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertDynamoError;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorMatching;
import static io.modyn.itests.support.TransactItemsConstraints.NONE;
import static io.modyn.itests.support.TransactItemsConstraints.TOO_MANY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.ConcurrentWorkers;
import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
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
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * TransactGetItems: up to 100 Gets over several tables answered in request order from one
 * consistent snapshot (API reference, TransactGetItems): a reader never sees half of a concurrent
 * TransactWriteItems. A missing item answers an empty response in its place; each item costs two
 * read units per started 4 KB; a malformed Get cancels the transaction with a ValidationError
 * reason.
 *
 * <p>Messages as captured against DynamoDB (paritysuite/dynamodb-conformance,
 * tests/tier3/error-messages/transactGetItems.test.ts).
 */
@ExtendWith(SharedModynServer.class)
class TransactGetItemsTest {

    private static DynamoDbClient dynamo;
    private static String first;
    private static String second;

    @BeforeAll
    static void createTables(ModynServer server) {
        dynamo = DynamoDbClients.withoutRetries(server);
        first = TestTables.createHashTable(dynamo, "tx-get-first", ScalarAttributeType.S);
        second = TestTables.createHashRangeTable(dynamo, "tx-get-second", ScalarAttributeType.S, ScalarAttributeType.N);
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @Test
    void getsFromSeveralTablesAreAnsweredInRequestOrder() {
        String id = unique();
        Map<String, AttributeValue> a = Map.of("pk", s(id + "-a"), "v", n(1));
        Map<String, AttributeValue> b = Map.of("pk", s(id), "sk", n(2), "v", n(2));
        Map<String, AttributeValue> c = Map.of("pk", s(id + "-c"), "v", n(3));
        dynamo.putItem(put -> put.tableName(first).item(a));
        dynamo.putItem(put -> put.tableName(second).item(b));
        dynamo.putItem(put -> put.tableName(first).item(c));

        List<ItemResponse> responses = dynamo.transactGetItems(tx -> tx.transactItems(
                get(first, Map.of("pk", s(id + "-c"))),
                get(second, Map.of("pk", s(id), "sk", n(2))),
                get(first, Map.of("pk", s(id + "-a"))))).responses();

        assertEquals(List.of(c, b, a), responses.stream().map(ItemResponse::item).toList());
    }

    @Test
    void aMissingItemAnswersAnEmptyResponseInItsPlace() {
        String id = unique();
        Map<String, AttributeValue> present = Map.of("pk", s(id), "v", n(1));
        dynamo.putItem(put -> put.tableName(first).item(present));

        List<ItemResponse> responses = dynamo.transactGetItems(tx -> tx.transactItems(
                get(first, Map.of("pk", s(id + "-missing"))), get(first, Map.of("pk", s(id))))).responses();

        assertEquals(2, responses.size());
        assertFalse(responses.get(0).hasItem() && !responses.get(0).item().isEmpty(), "no item: " + responses.get(0));
        assertEquals(present, responses.get(1).item());
    }

    @Test
    void projectionExpressionSelectsAttributes() {
        String id = unique();
        dynamo.putItem(put -> put.tableName(first).item(Map.of("pk", s(id), "kept", s("k"), "dropped", s("d"))));

        List<ItemResponse> responses = dynamo.transactGetItems(tx -> tx.transactItems(TransactGetItem.builder()
                .get(get -> get.tableName(first).key(Map.of("pk", s(id))).projectionExpression("kept")).build())).responses();

        assertEquals(Map.of("kept", s("k")), responses.get(0).item());
    }

    @Test
    void oneHundredGetsAreAcceptedAndOneHundredAndOneRefused() {
        String id = unique();
        List<TransactGetItem> hundred = IntStream.range(0, 100).mapToObj(i -> get(first, Map.of("pk", s(id + "-" + i)))).toList();
        List<TransactGetItem> hundredAndOne = IntStream.range(0, 101).mapToObj(i -> get(first, Map.of("pk", s(id + "-" + i)))).toList();

        assertEquals(100, dynamo.transactGetItems(tx -> tx.transactItems(hundred)).responses().size());
        assertValidationErrorMatching(TOO_MANY,
                () -> dynamo.transactGetItems(tx -> tx.transactItems(hundredAndOne)));
    }

    @Test
    void noGetsIsAConstraintViolation() {
        assertValidationErrorMatching(NONE, () -> dynamo.transactGetItems(tx -> tx.transactItems(List.of())));
    }

    @Test
    void anUnknownTableIsResourceNotFound() {
        String missing = TestTables.uniqueName("missing");
        assertDynamoError(ResourceNotFoundException.class, "ResourceNotFoundException", "Requested resource not found",
                () -> dynamo.transactGetItems(tx -> tx.transactItems(get(missing, Map.of("pk", s("x"))))));
    }

    @Test
    void anInvalidProjectionExpressionIsRefusedBeforeAnyGet() {
        assertValidationError("Invalid ProjectionExpression: Syntax error; token: \"!\", near: \"!!\"",
                () -> dynamo.transactGetItems(tx -> tx.transactItems(TransactGetItem.builder()
                        .get(get -> get.tableName(first).key(Map.of("pk", s("x"))).projectionExpression("!!!")).build())));
    }

    @Test
    void anEmptyKeyCancelsTheTransactionWithAValidationErrorReason() {
        TransactionCanceledException error = assertThrows(TransactionCanceledException.class,
                () -> dynamo.transactGetItems(tx -> tx.transactItems(get(first, Map.of()))));

        assertEquals("Transaction cancelled, please refer cancellation reasons for specific reasons [ValidationError]",
                error.awsErrorDetails().errorMessage());
        assertEquals(List.of("ValidationError"), error.cancellationReasons().stream().map(CancellationReason::code).toList());
    }

    @Test
    void eachItemCostsTwoReadUnitsPerStartedFourKilobytes() {
        String id = unique();
        dynamo.putItem(put -> put.tableName(first).item(Map.of("pk", s(id + "-small"))));
        dynamo.putItem(put -> put.tableName(first).item(Map.of("pk", s(id + "-large"), "payload", s("x".repeat(5000)))));
        dynamo.putItem(put -> put.tableName(second).item(Map.of("pk", s(id), "sk", n(1))));

        List<ConsumedCapacity> capacity = dynamo.transactGetItems(tx -> tx.transactItems(
                        get(first, Map.of("pk", s(id + "-small"))),
                        get(first, Map.of("pk", s(id + "-large"))),
                        get(second, Map.of("pk", s(id), "sk", n(1))))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

        // 2 units for the small item, 4 for the one of two started 4 KB blocks; 2 in the second table.
        assertEquals(Map.of(first, 6.0, second, 2.0), capacity.stream()
                .collect(Collectors.toMap(ConsumedCapacity::tableName, ConsumedCapacity::capacityUnits)));
    }

    @Test
    void readsNeverSeeHalfOfAConcurrentTransaction() throws InterruptedException {
        // A writer moves one unit between two items in each transaction, so a consistent snapshot
        // always sees them add up to the same total.
        String id = unique();
        Map<String, AttributeValue> left = Map.of("pk", s(id + "-left"));
        Map<String, AttributeValue> right = Map.of("pk", s(id + "-right"));
        dynamo.putItem(put -> put.tableName(first).item(Map.of("pk", s(id + "-left"), "units", n(100))));
        dynamo.putItem(put -> put.tableName(first).item(Map.of("pk", s(id + "-right"), "units", n(100))));
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger snapshots = new AtomicInteger();
        List<String> torn = new ArrayList<>();
        Instant until = Instant.now().plus(Duration.ofSeconds(5));

        List<Throwable> failures = ConcurrentWorkers.run(3, Duration.ofSeconds(60), worker -> {
            if (worker == 0) {
                try {
                    for (int i = 0; Instant.now().isBefore(until); i++) {
                        Map<String, AttributeValue> from = i % 2 == 0 ? left : right;
                        Map<String, AttributeValue> to = i % 2 == 0 ? right : left;
                        try {
                            dynamo.transactWriteItems(tx -> tx.transactItems(move(from, -1), move(to, 1)));
                        } catch (TransactionCanceledException conflict) {
                            // A conflict with a reader's snapshot may cancel a transfer; the next one goes on.
                        }
                    }
                } finally {
                    writing.set(false);
                }
            } else {
                while (writing.get()) {
                    try {
                        List<ItemResponse> both = dynamo.transactGetItems(tx -> tx.transactItems(get(first, left), get(first, right)))
                                .responses();
                        int sum = Integer.parseInt(both.get(0).item().get("units").n()) + Integer.parseInt(both.get(1).item().get("units").n());
                        if (sum != 200) {
                            synchronized (torn) {
                                torn.add(both.get(0).item() + " " + both.get(1).item());
                            }
                        }
                        snapshots.incrementAndGet();
                    } catch (TransactionCanceledException conflict) {
                        // DynamoDB may cancel a read that conflicts with an ongoing write transaction.
                    }
                }
            }
        });

        assertEquals(List.of(), failures);
        assertEquals(List.of(), torn, "snapshots that saw half a transaction");
        assertTrue(snapshots.get() > 0, "the readers read");
    }

    private static TransactWriteItem move(Map<String, AttributeValue> key, int units) {
        return TransactWriteItem.builder().update(update -> update.tableName(first).key(key)
                .updateExpression("ADD #u :d").expressionAttributeNames(Map.of("#u", "units"))
                .expressionAttributeValues(Map.of(":d", n(units)))).build();
    }

    private static TransactGetItem get(String table, Map<String, AttributeValue> key) {
        return TransactGetItem.builder().get(get -> get.tableName(table).key(key)).build();
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }
}
