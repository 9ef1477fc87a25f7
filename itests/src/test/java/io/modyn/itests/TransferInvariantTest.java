package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.ConcurrentWorkers;
import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.Eventually;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.StorageBackend;
import io.modyn.itests.support.TestTables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;

/**
 * Many threads move money between a few accounts with TransactWriteItems: debit (on condition that
 * the balance covers it), credit, and a transfer record that may not exist yet, under the
 * transfer's id as ClientRequestToken. On PostgreSQL storage the threads alternate between two
 * Modyn nodes sharing the database, and retries and deliberate re-sends go to the other node, as
 * behind a load balancer. Meanwhile auditors read all accounts with TransactGetItems.
 *
 * <p>What must hold: every audit snapshot and the final state sum to the initial total; no balance
 * goes negative; the transfer records are exactly the transfers a client saw committed; and each
 * balance equals its opening balance plus the committed transfers in and minus those out, so no
 * transfer was applied twice (a re-send with the same token is answered success without effect)
 * and none half.
 *
 * <p>Clients do not retry on their own; the test retries a transfer cancelled by a conflict or
 * left without an answer, always with the same token, so the token is what keeps it exactly-once.
 */
class TransferInvariantTest {

    private static final int ACCOUNTS = 8;
    private static final long OPENING_BALANCE = 1_000;
    private static final int WRITERS = 6;
    private static final int AUDITORS = 2;
    private static final int TRANSFERS_PER_WRITER = 40;
    private static final int MAX_ATTEMPTS = 60;
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(150);
    /** The engine caches table definitions for about a second; room for a busy machine. */
    private static final Duration CATALOG_PROPAGATION = Duration.ofSeconds(10);

    /** Attempts beyond the first, over all transfers: shows how much the run contended. */
    private static final AtomicInteger RETRIES = new AtomicInteger();

    private static ModynServer nodeA;
    private static ModynServer nodeB;
    private static final List<DynamoDbClient> clients = new ArrayList<>();
    private static String accounts;
    private static String transfers;

    /** A transfer a client saw committed. */
    private record Transfer(String from, String to, long amount) {
    }

    @BeforeAll
    static void startNodes() {
        nodeA = ModynServer.start("transfers-a");
        clients.add(DynamoDbClients.withoutRetries(nodeA));
        if (StorageBackend.current() == StorageBackend.POSTGRES) {
            nodeB = ModynServer.startSharingDatabase("transfers-b", nodeA);
            clients.add(DynamoDbClients.withoutRetries(nodeB));
        }
    }

    @AfterAll
    static void stopNodes() {
        clients.forEach(DynamoDbClient::close);
        // B first: A owns the schema and drops it when closed.
        if (nodeB != null) nodeB.close();
        if (nodeA != null) nodeA.close();
    }

    @Test
    void concurrentTransfersKeepTheTotalAndApplyEachTransferExactlyOnce() throws InterruptedException {
        DynamoDbClient first = clients.get(0);
        accounts = TestTables.createHashTable(first, "accounts", ScalarAttributeType.S);
        transfers = TestTables.createHashTable(first, "transfers", ScalarAttributeType.S);
        for (DynamoDbClient client : clients) {
            Eventually.await("every node serves the new tables", CATALOG_PROPAGATION, () -> {
                client.describeTable(describe -> describe.tableName(transfers));
                return true;
            });
        }
        for (int i = 0; i < ACCOUNTS; i++) {
            String account = account(i);
            first.putItem(put -> put.tableName(accounts).item(Map.of("pk", s(account), "balance", n(OPENING_BALANCE))));
        }

        Map<String, Transfer> committed = new ConcurrentHashMap<>();
        Set<String> notApplied = ConcurrentHashMap.newKeySet();
        List<String> tornSnapshots = new CopyOnWriteArrayList<>();
        AtomicInteger audits = new AtomicInteger();
        AtomicInteger writersLeft = new AtomicInteger(WRITERS);
        AtomicBoolean writing = new AtomicBoolean(true);

        List<Throwable> failures = ConcurrentWorkers.run(WRITERS + AUDITORS, RUN_TIMEOUT, worker -> {
            if (worker < WRITERS) {
                try {
                    for (int i = 0; i < TRANSFERS_PER_WRITER; i++) transferOnce(worker, i, committed, notApplied);
                } finally {
                    if (writersLeft.decrementAndGet() == 0) writing.set(false);
                }
            } else {
                for (int round = 0; writing.get(); round++) audit(clients.get((worker + round) % clients.size()), tornSnapshots, audits);
            }
        });

        assertEquals(List.of(), failures);
        System.out.println("[itests] transfers over " + clients.size() + " node(s): " + committed.size() + " committed, "
                + notApplied.size() + " not applied, " + RETRIES.get() + " retries, " + audits.get() + " audits");
        Map<String, Long> balances = balances(first);
        Map<String, Transfer> recorded = recordedTransfers(first);
        Map<String, Long> expected = expectedBalances(committed);
        assertAll(
                () -> assertEquals(List.of(), tornSnapshots, "audits that did not add up"),
                () -> assertTrue(audits.get() > 0, "the auditors read"),
                () -> assertEquals(ACCOUNTS * OPENING_BALANCE, balances.values().stream().mapToLong(Long::longValue).sum(),
                        "total of " + balances),
                () -> assertTrue(balances.values().stream().allMatch(balance -> balance >= 0), "negative balance: " + balances),
                () -> assertEquals(committed, recorded, "transfer records are exactly the committed transfers"),
                () -> assertTrue(notApplied.stream().noneMatch(recorded::containsKey), "a cancelled transfer left a record"),
                () -> assertEquals(expected, balances, "balances are the opening balances plus each committed transfer once"),
                () -> assertTrue(committed.size() > 0, "some transfer committed"));
    }

    /**
     * Runs one transfer to a known outcome: committed (and then re-sent once in a while, which must
     * change nothing), refused for want of funds, or given up after conflicts. Retries keep the token.
     */
    private static void transferOnce(int worker, int sequence, Map<String, Transfer> committed, Set<String> notApplied) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int from = random.nextInt(ACCOUNTS);
        int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
        Transfer transfer = new Transfer(account(from), account(to), 1 + random.nextInt(300));
        String id = UUID.randomUUID().toString();
        TransactWriteItemsRequest request = transferRequest(id, transfer);
        RuntimeException unknownOutcome = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (attempt > 0) RETRIES.incrementAndGet();
            DynamoDbClient client = clients.get((worker + sequence + attempt) % clients.size());
            try {
                client.transactWriteItems(request);
                committed.put(id, transfer);
                if (sequence % 5 == 0) {
                    // As if the answer had been lost: the same request again, through the other node if there is one.
                    clients.get((worker + sequence + attempt + 1) % clients.size()).transactWriteItems(request);
                }
                return;
            } catch (TransactionCanceledException cancelled) {
                List<String> codes = cancelled.cancellationReasons().stream().map(CancellationReason::code).toList();
                if (codes.equals(List.of("ConditionalCheckFailed", "None", "None"))) {
                    if (unknownOutcome != null) {
                        // An earlier attempt may have committed and moved the money; the record tells.
                        throw new AssertionError("transfer " + id + " refused after an attempt without answer", unknownOutcome);
                    }
                    notApplied.add(id);
                    return;
                }
                if (codes.get(2).equals("ConditionalCheckFailed")) {
                    throw new AssertionError("transfer " + id + " was already recorded: a retry with its token was not idempotent " + codes);
                }
                if (!codes.contains("TransactionConflict")) throw new AssertionError("unexpected cancellation " + codes, cancelled);
            } catch (TransactionInProgressException inProgress) {
                // The same token is still being processed: try again later with it.
            } catch (SdkClientException | DynamoDbException noAnswer) {
                if (noAnswer instanceof DynamoDbException error && error.statusCode() < 500) throw error;
                unknownOutcome = noAnswer;
            }
            pause(random.nextInt(5, 40));
        }
        if (unknownOutcome != null) throw new AssertionError("transfer " + id + " has no known outcome", unknownOutcome);
        notApplied.add(id);
    }

    private static TransactWriteItemsRequest transferRequest(String id, Transfer transfer) {
        Map<String, AttributeValue> amount = Map.of(":a", n(transfer.amount()));
        return TransactWriteItemsRequest.builder().clientRequestToken(id).transactItems(
                TransactWriteItem.builder().update(update -> update.tableName(accounts).key(Map.of("pk", s(transfer.from())))
                        .updateExpression("SET balance = balance - :a").conditionExpression("balance >= :a")
                        .expressionAttributeValues(amount)).build(),
                TransactWriteItem.builder().update(update -> update.tableName(accounts).key(Map.of("pk", s(transfer.to())))
                        .updateExpression("SET balance = balance + :a").expressionAttributeValues(amount)).build(),
                TransactWriteItem.builder().put(put -> put.tableName(transfers)
                        .item(Map.of("pk", s(id), "payer", s(transfer.from()), "payee", s(transfer.to()), "amount", n(transfer.amount())))
                        .conditionExpression("attribute_not_exists(pk)")).build())
                .build();
    }

    /** One consistent read of every account; a snapshot that does not add up is recorded. */
    private static void audit(DynamoDbClient client, List<String> torn, AtomicInteger audits) {
        List<TransactGetItem> gets = IntStream.range(0, ACCOUNTS).mapToObj(i -> TransactGetItem.builder()
                .get(get -> get.tableName(accounts).key(Map.of("pk", s(account(i))))).build()).toList();
        try {
            long total = client.transactGetItems(tx -> tx.transactItems(gets)).responses().stream()
                    .mapToLong(response -> Long.parseLong(response.item().get("balance").n())).sum();
            if (total != ACCOUNTS * OPENING_BALANCE) torn.add("snapshot total " + total);
            audits.incrementAndGet();
        } catch (TransactionCanceledException conflict) {
            // A read conflicting with a transfer in flight may be cancelled; the next audit goes on.
        }
    }

    private static Map<String, Long> balances(DynamoDbClient client) {
        Map<String, Long> balances = new HashMap<>();
        client.scanPaginator(ScanRequest.builder().tableName(accounts).consistentRead(true).build()).items()
                .forEach(item -> balances.put(item.get("pk").s(), Long.parseLong(item.get("balance").n())));
        return balances;
    }

    private static Map<String, Transfer> recordedTransfers(DynamoDbClient client) {
        return client.scanPaginator(ScanRequest.builder().tableName(transfers).consistentRead(true).build()).items().stream()
                .collect(Collectors.toMap(item -> item.get("pk").s(), item -> new Transfer(item.get("payer").s(),
                        item.get("payee").s(), Long.parseLong(item.get("amount").n()))));
    }

    private static Map<String, Long> expectedBalances(Map<String, Transfer> committed) {
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < ACCOUNTS; i++) expected.put(account(i), OPENING_BALANCE);
        committed.values().forEach(transfer -> {
            expected.merge(transfer.from(), -transfer.amount(), Long::sum);
            expected.merge(transfer.to(), transfer.amount(), Long::sum);
        });
        return expected;
    }

    private static String account(int i) {
        return "account-" + i;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
