package io.modyn.storage.file.locks;

import io.modyn.api.storage.StorageConflictException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exclusive per-record locks for transactions: a concurrent map from key to the lock held on it,
 * so unrelated keys never contend and an uncontended lock costs one map insert and one removal.
 *
 * <p>Acquisition cannot deadlock forever: a waiter first publishes what it waits for, then follows
 * the chain of owners and the locks they wait for; if the chain leads back to itself, the waits
 * form a cycle and it fails at once with {@link StorageConflictException}. Of the transactions in
 * a cycle, the last to start waiting always sees the whole cycle, so every cycle is broken.
 * Failing that, a wait ends after the configured timeout, also with a conflict.
 */
public final class KeyLockTable {

    /** Chains of waits longer than this are not followed; the timeout still bounds them. */
    private static final int MAX_WAIT_CHAIN = 64;

    private final ConcurrentHashMap<RecordKey, KeyLock> locks = new ConcurrentHashMap<>();
    private final long timeoutNanos;

    public KeyLockTable(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    /**
     * Takes the lock on the key for the owner, waiting for the current holder if there is one.
     * The owner must not hold the lock already.
     *
     * @throws StorageConflictException on a deadlock, a timeout or an interrupt
     */
    public KeyLock acquire(RecordKey key, LockOwner owner) {
        KeyLock mine = new KeyLock(key, owner);
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            KeyLock held = locks.putIfAbsent(key, mine);
            if (held == null) return mine;
            owner.waitingFor = held;
            try {
                if (waitsFor(held.owner, owner)) throw new StorageConflictException("transaction deadlock on " + key);
                if (!held.awaitRelease(deadline)) {
                    throw new StorageConflictException("timed out waiting " + timeoutNanos / 1_000_000 + " ms for the lock on " + key);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageConflictException("interrupted waiting for the lock on " + key, e);
            } finally {
                owner.waitingFor = null;
            }
        }
    }

    public void release(KeyLock lock) {
        locks.remove(lock.key, lock);
        lock.release();
    }

    /** True if {@code holder} is waiting, directly or through other owners, for a lock {@code owner} holds. */
    private static boolean waitsFor(LockOwner holder, LockOwner owner) {
        LockOwner current = holder;
        for (int i = 0; i < MAX_WAIT_CHAIN; i++) {
            KeyLock awaited = current.waitingFor;
            if (awaited == null) return false;
            if (awaited.owner == owner) return true;
            current = awaited.owner;
        }
        return false;
    }

    /** Locks held now, for tests and diagnostics. */
    public int size() {
        return locks.size();
    }
}
