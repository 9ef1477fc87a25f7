package io.modyn.storage.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.storage.StorageConflictException;
import io.modyn.storage.memory.KeyLocks.LockName;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Locks owned by transactions: shared holders coexist, exclusive excludes, and no entry outlives its holders. */
@Timeout(30)
class KeyLocksTest {

    private final KeyLocks locks = new KeyLocks(Duration.ofMillis(100));
    private final LockName key = new LockName("ks", MemoryKey.of(bytes("p"), bytes("s")));
    private final Object first = new Object();
    private final Object second = new Object();

    @Test
    void sharedHoldersDoNotWaitForEachOther() {
        locks.lockShared(key, first);
        locks.lockShared(key, second);
        locks.unlock(key, first);
        locks.unlock(key, second);
        assertEquals(0, locks.lockedKeys());
    }

    @Test
    void anExclusiveLockWaitsForASharedHolderThenFails() {
        locks.lockShared(key, first);
        assertThrows(StorageConflictException.class, () -> locks.lockExclusive(key, second));
        locks.unlock(key, first);
        locks.lockExclusive(key, second);
        locks.unlock(key, second);
        assertEquals(0, locks.lockedKeys());
    }

    @Test
    void aSharedLockWaitsForAnExclusiveHolderThenFails() {
        locks.lockExclusive(key, first);
        assertThrows(StorageConflictException.class, () -> locks.lockShared(key, second));
        assertEquals(1, locks.lockedKeys(), "the failed waiter left no entry behind");
        locks.unlock(key, first);
        assertEquals(0, locks.lockedKeys());
    }

    @Test
    void transactionsLeaveNoLockEntriesBehind() {
        MemoryStorageEngine engine = new MemoryStorageEngine();
        engine.createKeyspace("ks");
        for (int i = 0; i < 100; i++) {
            try (var tx = engine.begin()) {
                tx.put("ks", bytes("p" + i), bytes(""), bytes("v"));
                tx.requireUnchanged("ks", bytes("other"), bytes(""), null);
                tx.commit();
            }
        }
        assertEquals(100, engine.statistics("ks").recordCount());
        assertEquals(0, engine.lockedKeys());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
