package io.modyn.storage.file.locks;

import io.modyn.api.storage.StorageConflictException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Per-record locks for transactions: a concurrent map from key to the exclusive lock held on it,
 * so unrelated keys never contend and an uncontended lock costs one map insert and one removal.
 *
 * <p>Shared holds ({@link #acquireShared}) are counted in a second map. An exclusive lock waits
 * until a key has no shared holders, and a shared hold until the key has no exclusive lock. Each
 * side publishes itself first and then looks for the other (both maps are linearizable), so at
 * least one of two racing acquirers sees the other: a shared acquirer that sees an exclusive lock
 * withdraws and waits; an exclusive one that sees shared holders waits for them to leave. Shared
 * holds are only taken at commit, after every exclusive lock of their transaction, and held while
 * it applies its writes: their holders wait for nothing else, so they add no cycle of waits.
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
    private final ConcurrentHashMap<RecordKey, SharedHolds> shared = new ConcurrentHashMap<>();
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
            if (held == null) {
                awaitNoSharedHolders(key, mine, deadline);
                return mine;
            }
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

    /**
     * Takes a shared hold on the key for the owner, waiting while another owner holds it
     * exclusively. Returns false, holding nothing, when the owner itself holds the key exclusively
     * (which covers the shared hold); otherwise the hold must be given back with {@link #releaseShared}.
     *
     * @throws StorageConflictException on a timeout or an interrupt
     */
    public boolean acquireShared(RecordKey key, LockOwner owner) {
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            KeyLock exclusive = locks.get(key);
            if (exclusive != null) {
                if (exclusive.owner == owner) return false;
                awaitRelease(exclusive, owner, deadline, key);
                continue;
            }
            shared.compute(key, (k, holds) -> {
                SharedHolds counted = holds == null ? new SharedHolds() : holds;
                counted.holders++;
                return counted;
            });
            if (locks.get(key) == null) return true;
            releaseShared(key); // an exclusive lock came in meanwhile: it goes first
        }
    }

    public void releaseShared(RecordKey key) {
        shared.computeIfPresent(key, (k, holds) -> {
            if (--holds.holders > 0) return holds;
            holds.drained();
            return null;
        });
    }

    private void awaitNoSharedHolders(RecordKey key, KeyLock mine, long deadline) {
        SharedHolds holds;
        while ((holds = shared.get(key)) != null) {
            try {
                if (!holds.awaitDrained(deadline)) {
                    release(mine);
                    throw new StorageConflictException("timed out waiting " + timeoutNanos / 1_000_000 + " ms for shared holders of " + key);
                }
            } catch (InterruptedException e) {
                release(mine);
                Thread.currentThread().interrupt();
                throw new StorageConflictException("interrupted waiting for shared holders of " + key, e);
            }
        }
    }

    private void awaitRelease(KeyLock held, LockOwner owner, long deadline, RecordKey key) {
        owner.waitingFor = held;
        try {
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

    /** The shared holders of one key; gone from the map, and drained, when the last one leaves. */
    private static final class SharedHolds {

        int holders; // changed only inside the map's compute functions, which run one at a time per key
        private boolean drained;

        synchronized void drained() {
            drained = true;
            notifyAll();
        }

        synchronized boolean awaitDrained(long deadlineNanos) throws InterruptedException {
            while (!drained) {
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) return false;
                TimeUnit.NANOSECONDS.timedWait(this, remaining);
            }
            return true;
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
