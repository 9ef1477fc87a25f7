package io.modyn.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.storage.StorageConflictException;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageTransaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two engines with pools of their own on one schema stand for two Modyn nodes sharing a database:
 * all locking is in PostgreSQL, so read-modify-write transactions from both serialize, counters
 * lose nothing, and a key that does not exist yet can be claimed by exactly one of them.
 */
class TwoNodesConcurrencyTest {

    private static final String SCHEMA = TestDatabase.schemaFor(TwoNodesConcurrencyTest.class);
    private static final String KEYSPACE = "nodes.table";
    private static final int THREADS_PER_NODE = 3;

    private PostgresStorageEngine first;
    private PostgresStorageEngine second;
    private ExecutorService threads;

    @BeforeAll
    static void freshSchema() {
        TestDatabase.dropSchema(SCHEMA);
    }

    @AfterAll
    static void dropSchema() {
        TestDatabase.dropSchema(SCHEMA);
    }

    @BeforeEach
    void openTwoNodes() {
        TestDatabase.emptySchema(SCHEMA);
        first = PostgresStorageEngine.open(TestDatabase.options(SCHEMA));
        second = PostgresStorageEngine.open(TestDatabase.options(SCHEMA));
        threads = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
    }

    @AfterEach
    void closeNodes() throws InterruptedException {
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS));
        first.close();
        second.close();
    }

    @Test
    void aKeyspaceCreatedOnOneNodeIsSeenByTheOther() {
        first.createKeyspace(KEYSPACE);
        assertTrue(second.keyspaceExists(KEYSPACE));
        second.dropKeyspace(KEYSPACE);
        assertFalse(first.keyspaceExists(KEYSPACE));
    }

    @Test
    @Timeout(180)
    void counterIncrementsFromBothNodesLoseNothing() throws Exception {
        first.createKeyspace(KEYSPACE);
        put(first, "counter", "0");
        int increments = 40;
        List<Future<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS_PER_NODE; t++) {
            for (StorageEngine node : List.of(first, second)) {
                workers.add(threads.submit(() -> {
                    int conflicts = 0;
                    for (int done = 0; done < increments; ) {
                        try (StorageTransaction tx = node.begin()) {
                            int value = Integer.parseInt(text(tx.getForUpdate(KEYSPACE, utf8("counter"), new byte[0])));
                            tx.put(KEYSPACE, utf8("counter"), new byte[0], utf8(Integer.toString(value + 1)));
                            tx.commit();
                            done++;
                        } catch (StorageConflictException e) {
                            conflicts++; // the engine retries these; so does this test
                        }
                    }
                    return conflicts;
                }));
            }
        }
        for (Future<Integer> worker : workers) worker.get();
        assertEquals(Integer.toString(2 * THREADS_PER_NODE * increments), text(second.get(KEYSPACE, utf8("counter"), new byte[0])));
        assertEquals(1, first.statistics(KEYSPACE).recordCount());
    }

    @Test
    @Timeout(180)
    void anAbsentKeyIsClaimedByExactlyOneTransaction() throws Exception {
        first.createKeyspace(KEYSPACE);
        int keys = 25;
        AtomicInteger claims = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS_PER_NODE; t++) {
            for (StorageEngine node : List.of(first, second)) {
                String claimant = (node == first ? "first-" : "second-") + t;
                Callable<Void> claimAll = () -> {
                    for (int k = 0; k < keys; k++) {
                        while (true) {
                            try (StorageTransaction tx = node.begin()) {
                                // attribute_not_exists(pk): write only if nobody has.
                                if (tx.getForUpdate(KEYSPACE, utf8("key-" + k), new byte[0]) == null) {
                                    tx.put(KEYSPACE, utf8("key-" + k), new byte[0], utf8(claimant));
                                    tx.commit();
                                    claims.incrementAndGet();
                                }
                                break;
                            } catch (StorageConflictException e) {
                                // retry the same key
                            }
                        }
                    }
                    return null;
                };
                workers.add(threads.submit(claimAll));
            }
        }
        for (Future<?> worker : workers) worker.get();
        assertEquals(keys, claims.get(), "each absent key was claimed exactly once");
        assertEquals(keys, second.statistics(KEYSPACE).recordCount());
    }

    private static void put(StorageEngine engine, String key, String value) {
        try (StorageTransaction tx = engine.begin()) {
            tx.put(KEYSPACE, utf8(key), new byte[0], utf8(value));
            tx.commit();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
