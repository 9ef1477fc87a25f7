package io.modyn.itests.support;

import static io.modyn.itests.support.AttributeValues.s;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Threads that keep putting new items into a table and remember exactly which writes the server
 * acknowledged (PutItem returned). Each item's {@code value} is derived from its key, so a reader
 * can tell a complete item from a damaged one. A writer stops at its first failure.
 */
public final class ConcurrentWriters implements AutoCloseable {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    private ConcurrentWriters(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Starts {@code count} writers against a table keyed by {@value TestTables#PK} (S). */
    public static ConcurrentWriters start(DynamoDbClient dynamo, String table, int count) {
        ConcurrentWriters writers = new ConcurrentWriters(dynamo, table);
        for (int i = 0; i < count; i++) {
            int writer = i;
            Thread thread = new Thread(() -> writers.write(writer), "writer-" + i);
            thread.setDaemon(true);
            writers.threads.add(thread);
            thread.start();
        }
        return writers;
    }

    /** The value every item written here carries for its key. */
    public static AttributeValue valueFor(String key) {
        return s("value of " + key);
    }

    /** Waits until at least {@code count} writes in total have been acknowledged. */
    public void awaitAcknowledged(int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (acknowledged.size() < count) {
            if (!failures.isEmpty() && threads.stream().noneMatch(Thread::isAlive)) {
                throw new AssertionError("All writers failed after " + acknowledged.size() + " writes", failures.get(0));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Only " + acknowledged.size() + " of " + count + " writes acknowledged within "
                        + timeout.toSeconds() + " s; failures: " + failures);
            }
            pause(20);
        }
    }

    public Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    /** Asks the writers to stop after their current write and waits for them. */
    @Override
    public void close() {
        stopping.set(true);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(60).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (thread.isAlive()) throw new AssertionError(thread.getName() + " did not finish its write within 60 s");
        }
    }

    private void write(int writer) {
        for (int sequence = 0; !stopping.get(); sequence++) {
            String key = "writer-" + writer + "-" + sequence;
            try {
                dynamo.putItem(put -> put.tableName(table).item(Map.of(TestTables.PK, s(key), "value", valueFor(key))));
                acknowledged.add(key);
            } catch (RuntimeException e) {
                failures.add(e);
                return;
            }
        }
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
