package io.modyn.storage.file.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.storage.StorageConflictException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class KeyLockTableTest {

    private static final RecordKey A = new RecordKey("t", new byte[] {1}, new byte[0]);
    private static final RecordKey B = new RecordKey("t", new byte[] {2}, new byte[0]);

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS));
    }

    @Test
    void equalKeysShareALock() {
        RecordKey copy = new RecordKey("t", new byte[] {1}, new byte[0]);
        assertEquals(A, copy);
        assertEquals(A.hashCode(), copy.hashCode());
    }

    @Test
    void releasedLockCanBeTakenAgain() {
        KeyLockTable table = new KeyLockTable(TimeUnit.SECONDS.toNanos(1));
        KeyLock lock = table.acquire(A, new LockOwner());
        table.release(lock);
        assertNotNull(table.acquire(A, new LockOwner()));
        assertEquals(1, table.size());
    }

    @Test
    void waiterTimesOutWithAConflict() {
        KeyLockTable table = new KeyLockTable(TimeUnit.MILLISECONDS.toNanos(20));
        table.acquire(A, new LockOwner());
        assertThrows(StorageConflictException.class, () -> table.acquire(A, new LockOwner()));
    }

    @Test
    @Timeout(30)
    void waiterGetsTheLockOnceReleased() throws Exception {
        KeyLockTable table = new KeyLockTable(TimeUnit.MINUTES.toNanos(5));
        KeyLock first = table.acquire(A, new LockOwner());
        LockOwner second = new LockOwner();
        Future<KeyLock> waiting = threads.submit(() -> table.acquire(A, second));
        while (second.waitingFor == null) Thread.sleep(1);
        table.release(first);
        assertEquals(second, waiting.get().owner);
    }

    @Test
    @Timeout(30)
    void deadlockIsDetectedWithoutWaitingForTheTimeout() throws Exception {
        // A timeout far beyond the test's own: only deadlock detection can end the waits in time.
        KeyLockTable table = new KeyLockTable(TimeUnit.HOURS.toNanos(1));
        LockOwner one = new LockOwner();
        LockOwner two = new LockOwner();
        KeyLock oneHoldsA = table.acquire(A, one);
        KeyLock twoHoldsB = table.acquire(B, two);
        CountDownLatch started = new CountDownLatch(1);
        Future<KeyLock> oneWaitsForB = threads.submit(() -> {
            started.countDown();
            return table.acquire(B, one);
        });
        started.await();
        while (one.waitingFor == null) Thread.sleep(1);
        assertThrows(StorageConflictException.class, () -> table.acquire(A, two));
        table.release(twoHoldsB);
        assertEquals(one, oneWaitsForB.get().owner);
        table.release(oneHoldsA);
    }
}
