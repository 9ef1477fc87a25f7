package io.modyn.itests.storage;

import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Writer threads that run a random mix of PutItem and DeleteItem (on a table with a global index),
 * UpdateItem {@code ADD} on shared counters, and TransactWriteItems across two tables with a
 * condition, telling {@link Acknowledgements} each write before it is sent and once it is
 * acknowledged. Each writer owns its item and transaction keys (so their writes are ordered) and
 * stops at its first failure, normally the server dying under it.
 *
 * <p>One write in twenty is a transaction whose condition must fail: the server must cancel it,
 * and its id, never announced as sent, must never be found.
 */
final class MixedLoad implements AutoCloseable {

    static final int ITEM_KEYS_PER_WRITER = 200;
    static final int TRANSACTION_KEYS_PER_WRITER = 8;
    static final int COUNTERS = 5;

    /** A writer's failure, with the instant ({@link System#nanoTime()}) it happened. */
    record Failure(long nanoTime, Throwable error) {
    }

    private final DynamoDbClient dynamo;
    private final CrashTables tables;
    private final Acknowledgements expected;
    private final String round;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final AtomicLong acknowledged = new AtomicLong();

    private MixedLoad(DynamoDbClient dynamo, CrashTables tables, Acknowledgements expected, String round) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.expected = expected;
        this.round = round;
    }

    /** Starts {@code writers} threads; writer {@code w} draws its operations from a generator seeded with {@code seed + w}. */
    static MixedLoad start(DynamoDbClient dynamo, CrashTables tables, Acknowledgements expected, int round, long seed, int writers) {
        MixedLoad load = new MixedLoad(dynamo, tables, expected, "r" + round);
        for (int w = 0; w < writers; w++) {
            int writer = w;
            SplittableRandom random = new SplittableRandom(seed + writer);
            Thread thread = new Thread(() -> load.write(writer, random), "crash-writer-" + w);
            thread.setDaemon(true);
            load.threads.add(thread);
        }
        load.threads.forEach(Thread::start);
        return load;
    }

    long acknowledgedCount() {
        return acknowledged.get();
    }

    /**
     * Waits until the server acknowledged {@code count} writes in all, or {@code cap} has passed, or
     * every writer failed; returns the number acknowledged.
     */
    long awaitAcknowledged(long count, Duration cap) {
        long deadline = System.nanoTime() + cap.toNanos();
        while (acknowledged.get() < count && System.nanoTime() - deadline < 0 && failures.size() < threads.size()) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return acknowledged.get();
    }

    /** Failures that happened before {@code nanoTime}: with the server still alive, none is expected. */
    List<Failure> failuresBefore(long nanoTime) {
        return failures.stream().filter(failure -> failure.nanoTime() - nanoTime < 0).toList();
    }

    /** Asks the writers to stop after their current request and waits for them. */
    @Override
    public void close() {
        stopping.set(true);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(70).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (thread.isAlive()) throw new AssertionError(thread.getName() + " did not finish its request within 70 s");
        }
    }

    private void write(int writer, SplittableRandom random) {
        for (int sequence = 0; !stopping.get(); sequence++) {
            String unique = round + "w" + writer + "s" + sequence;
            int dice = random.nextInt(100);
            try {
                if (dice < 35) put("item-w" + writer + "-" + random.nextInt(ITEM_KEYS_PER_WRITER), unique);
                else if (dice < 45) delete("item-w" + writer + "-" + random.nextInt(ITEM_KEYS_PER_WRITER));
                else if (dice < 70) increment("counter-" + random.nextInt(COUNTERS));
                else if (dice < 95) transact("txn-w" + writer + "-" + random.nextInt(TRANSACTION_KEYS_PER_WRITER), unique);
                else doomedTransaction("txn-w" + writer + "-" + random.nextInt(TRANSACTION_KEYS_PER_WRITER), unique);
                acknowledged.incrementAndGet();
            } catch (RuntimeException | AssertionError e) {
                failures.add(new Failure(System.nanoTime(), e));
                return;
            }
        }
    }

    private void put(String key, String val) {
        expected.items().sending(key, val);
        dynamo.putItem(put -> put.tableName(tables.items()).item(CrashTables.item(key, val)));
        expected.items().acknowledged(key, val);
    }

    private void delete(String key) {
        expected.items().sending(key, KeyOutcomes.ABSENT);
        dynamo.deleteItem(delete -> delete.tableName(tables.items()).key(Map.of("pk", s(key))));
        expected.items().acknowledged(key, KeyOutcomes.ABSENT);
    }

    private void increment(String counter) {
        expected.counters().sending(counter);
        dynamo.updateItem(update -> update.tableName(tables.counters()).key(Map.of("pk", s(counter)))
                .updateExpression("ADD n :one").expressionAttributeValues(Map.of(":one", n(1))));
        expected.counters().acknowledged(counter);
    }

    /** Writes version + 1 to the key in both tables, on condition that {@code left} still holds the version this writer knows. */
    private void transact(String key, String unique) {
        long version = CrashTables.versionOf(expected.transactions().acknowledged(key));
        String id = "v" + (version + 1) + "-" + unique;
        expected.transactions().sending(key, id);
        dynamo.transactWriteItems(transaction -> transaction.transactItems(
                writeBoth(key, id, "attribute_not_exists(pk) OR version = :expected", version)));
        expected.transactions().acknowledged(key, id);
    }

    /** The same transaction, conditioned on a version the key has never had: the server must cancel it. */
    private void doomedTransaction(String key, String unique) {
        long version = CrashTables.versionOf(expected.transactions().acknowledged(key));
        String id = "v" + (version + 1) + "-doomed-" + unique;
        try {
            dynamo.transactWriteItems(transaction -> transaction.transactItems(
                    writeBoth(key, id, "version = :expected", version + 1_000_000)));
        } catch (TransactionCanceledException e) {
            String reason = e.cancellationReasons().get(0).code();
            if (!"ConditionalCheckFailed".equals(reason)) {
                throw new AssertionError("transaction " + id + " cancelled for " + e.cancellationReasons() + ", expected ConditionalCheckFailed", e);
            }
            return;
        }
        throw new AssertionError("transaction " + id + " on " + key + " succeeded although its condition is false");
    }

    private List<TransactWriteItem> writeBoth(String key, String id, String condition, long expectedVersion) {
        long next = CrashTables.versionOf(id);
        Put left = Put.builder().tableName(tables.left())
                .item(Map.of("pk", s(key), "txn", s(id), "version", n(next)))
                .conditionExpression(condition)
                .expressionAttributeValues(Map.of(":expected", n(expectedVersion)))
                .build();
        Update right = Update.builder().tableName(tables.right()).key(Map.of("pk", s(key)))
                .updateExpression("SET txn = :txn, version = :version")
                .expressionAttributeValues(Map.of(":txn", s(id), ":version", n(next)))
                .build();
        return List.of(TransactWriteItem.builder().put(left).build(), TransactWriteItem.builder().update(right).build());
    }
}
