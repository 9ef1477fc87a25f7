package io.modyn.engine.transaction;

import static io.modyn.engine.transaction.TransactRequests.CONTEXT;
import static io.modyn.engine.transaction.TransactRequests.createTable;
import static io.modyn.engine.transaction.TransactRequests.get;
import static io.modyn.engine.transaction.TransactRequests.getItem;
import static io.modyn.engine.transaction.TransactRequests.item;
import static io.modyn.engine.transaction.TransactRequests.put;
import static io.modyn.engine.transaction.TransactRequests.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.dynamodb.TransactGetItem;
import io.modyn.api.dynamodb.TransactGetItemsRequest;
import io.modyn.api.dynamodb.TransactWriteItem;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.TransactionCanceledException;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.engine.DynamoDbEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Money moves between accounts from many threads, each transfer sent twice with the same client
 * request token (a client retrying), the two racing each other. Throughout, a reader's consistent
 * snapshots (TransactGetItems) always add up to the same total; at the end every balance is its
 * opening balance plus the transfers that succeeded, each counted once, so none was applied twice.
 */
class TransferConcurrencyTest {

    private static final int ACCOUNTS = 8;
    private static final int OPENING_BALANCE = 1000;
    private static final int TRANSFERS = 300;
    private static final int THREADS = 8;

    private record Transfer(String token, int from, int to, int amount) {
    }

    @Test
    void totalNeverChangesAndNoTransferIsAppliedTwice() throws Exception {
        DynamoDbEngine engine = TransactRequests.engine(new InMemoryStorageEngine());
        createTable(engine, "accounts");
        List<TransactWriteItem> opening = new ArrayList<>();
        for (int a = 0; a < ACCOUNTS; a++) opening.add(put("accounts", item("id", account(a), "balance", OPENING_BALANCE)));
        engine.transactWriteItems(TransactRequests.write(null, opening), CONTEXT);

        Random random = new Random(42);
        List<Transfer> transfers = new ArrayList<>();
        for (int i = 0; i < TRANSFERS; i++) {
            int from = random.nextInt(ACCOUNTS);
            int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
            transfers.add(new Transfer("transfer-" + i, from, to, 1 + random.nextInt(400)));
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicBoolean done = new AtomicBoolean();
        Future<Integer> auditor = Executors.newSingleThreadExecutor().submit(() -> audit(engine, done));
        List<Future<Boolean>> first = new ArrayList<>();
        List<Future<Boolean>> retry = new ArrayList<>();
        for (Transfer t : transfers) {
            first.add(pool.submit(() -> send(engine, t)));
            retry.add(pool.submit(() -> send(engine, t)));
        }
        int[] expected = new int[ACCOUNTS];
        Arrays.fill(expected, OPENING_BALANCE);
        int succeeded = 0;
        for (int i = 0; i < TRANSFERS; i++) {
            // Either call may be the one that applied the transfer; the other then replays it, or
            // (if the first was cancelled for want of funds) runs it afresh. Never both.
            boolean applied = first.get(i).get(1, TimeUnit.MINUTES) | retry.get(i).get(1, TimeUnit.MINUTES);
            if (applied) {
                Transfer t = transfers.get(i);
                expected[t.from()] -= t.amount();
                expected[t.to()] += t.amount();
                succeeded++;
            }
        }
        done.set(true);
        int audits = auditor.get(1, TimeUnit.MINUTES);
        pool.shutdown();

        for (int a = 0; a < ACCOUNTS; a++) {
            assertEquals(expected[a], balance(getItem(engine, "accounts", account(a)).get("balance")), "balance of " + account(a));
            assertTrue(expected[a] >= 0);
        }
        assertTrue(succeeded > TRANSFERS / 2, "most transfers find the funds: " + succeeded);
        assertTrue(audits > 0);
    }

    /** True when the transfer succeeded (applied now or earlier), false when cancelled for want of funds. */
    private static boolean send(DynamoDbEngine engine, Transfer t) {
        Map<String, AttributeValue> amount = item(":amount", t.amount());
        try {
            engine.transactWriteItems(TransactRequests.write(t.token(), List.of(
                    update("accounts", account(t.from()), "SET balance = balance - :amount", "balance >= :amount", amount),
                    update("accounts", account(t.to()), "SET balance = balance + :amount", null, amount))), CONTEXT);
            return true;
        } catch (TransactionCanceledException e) {
            assertEquals("ConditionalCheckFailed", e.reasons().get(0).code(), e.getMessage());
            return false;
        }
    }

    /** Reads every account in one snapshot, over and over, until the transfers are done; checks the total each time. */
    private static int audit(DynamoDbEngine engine, AtomicBoolean done) {
        List<TransactGetItem> gets = new ArrayList<>();
        for (int a = 0; a < ACCOUNTS; a++) gets.add(get("accounts", account(a)));
        int audits = 0;
        while (!done.get() || audits == 0) {
            int total = 0;
            for (Map<String, AttributeValue> item : engine.transactGetItems(new TransactGetItemsRequest(gets, null), CONTEXT).responses()) {
                total += balance(item.get("balance"));
            }
            assertEquals(ACCOUNTS * OPENING_BALANCE, total);
            audits++;
        }
        return audits;
    }

    private static String account(int a) {
        return "account-" + a;
    }

    private static int balance(AttributeValue value) {
        return ((AttributeValue.N) value).value().intValueExact();
    }
}
