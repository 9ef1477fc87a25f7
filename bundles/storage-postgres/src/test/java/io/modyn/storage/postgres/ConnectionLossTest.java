package io.modyn.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.storage.StorageException;
import io.modyn.api.storage.StorageTransaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The database ends every session of the engine (as a restart does): the request in flight fails
 * with a retryable error, committed data is intact, and later requests succeed on new connections
 * without anyone reopening the engine.
 */
class ConnectionLossTest {

    private static final String SCHEMA = TestDatabase.schemaFor(ConnectionLossTest.class);
    private static final String KEYSPACE = "loss.table";
    private static final byte[] KEY = {1};
    private static final byte[] NO_SORT = {};

    @BeforeAll
    static void freshSchema() {
        TestDatabase.dropSchema(SCHEMA);
    }

    @AfterAll
    static void dropSchema() {
        TestDatabase.dropSchema(SCHEMA);
    }

    @Test
    @Timeout(120)
    void lostSessionsFailRetryablyAndServiceResumesByItself() {
        try (PostgresStorageEngine engine = PostgresStorageEngine.open(TestDatabase.options(SCHEMA))) {
            engine.createKeyspace(KEYSPACE);
            try (StorageTransaction tx = engine.begin()) {
                tx.put(KEYSPACE, KEY, NO_SORT, new byte[] {42});
                tx.commit();
            }

            try (StorageTransaction inFlight = engine.begin()) {
                inFlight.getForUpdate(KEYSPACE, KEY, NO_SORT);
                assertTrue(TestDatabase.terminateSessions(SCHEMA) > 0, "the engine had sessions to end");
                StorageException lost = assertThrows(StorageException.class, () -> {
                    inFlight.put(KEYSPACE, new byte[] {2}, NO_SORT, new byte[] {43});
                    inFlight.commit();
                });
                assertTrue(lost.retryable(), "a lost connection is retryable: " + lost);
            }

            // Pooled connections that died with the rest fail once each; the pool then opens new ones.
            byte[] value = null;
            for (int attempt = 0; attempt < 20 && value == null; attempt++) {
                try {
                    value = engine.get(KEYSPACE, KEY, NO_SORT);
                } catch (StorageException e) {
                    assertTrue(e.retryable(), "only retryable failures while the pool recovers: " + e);
                }
            }
            assertArrayEquals(new byte[] {42}, value);
            try (StorageTransaction tx = engine.begin()) {
                tx.put(KEYSPACE, new byte[] {2}, NO_SORT, new byte[] {43});
                tx.commit();
            }
            assertArrayEquals(new byte[] {43}, engine.get(KEYSPACE, new byte[] {2}, NO_SORT));
        }
    }
}
