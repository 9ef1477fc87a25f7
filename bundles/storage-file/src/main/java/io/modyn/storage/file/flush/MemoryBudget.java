package io.modyn.storage.file.flush;

import io.modyn.api.storage.StorageException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The heap all memtables may take together, split the way Cassandra splits it: active memtables
 * may fill half of it before the largest is switched out and flushed; the other half is room for
 * memtables being flushed. Writers wait ({@link #awaitRoom}) only when both together exceed the
 * whole budget, which happens only when flushing falls behind the write rate; each wait is counted.
 */
public final class MemoryBudget {

    private final long budgetBytes;
    private final AtomicLong active = new AtomicLong();
    private final AtomicLong flushing = new AtomicLong();
    private final AtomicLong stalls = new AtomicLong();
    private final AtomicLong stallNanos = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    private volatile StorageException flushFailure;

    public MemoryBudget(long budgetBytes) {
        if (budgetBytes <= 0) throw new IllegalArgumentException("memtable budget must be positive: " + budgetBytes);
        this.budgetBytes = budgetBytes;
    }

    public long budgetBytes() {
        return budgetBytes;
    }

    /** A commit (or replay) grew an active memtable by this much (negative if it shrank). */
    public void written(long bytes) {
        active.addAndGet(bytes);
    }

    /** True when the active memtables are over their half and one should be switched out. */
    public boolean activeOverShare() {
        return active.get() > budgetBytes / 2;
    }

    /** An active memtable of this size was switched out for flushing. */
    public void switched(long bytes) {
        active.addAndGet(-bytes);
        flushing.addAndGet(bytes);
    }

    /** A flushing memtable of this size was flushed (or discarded): its memory is free. */
    public void flushed(long bytes) {
        flushing.addAndGet(-bytes);
        signal();
    }

    /** An active memtable of this size went away without a flush (its keyspace was dropped). */
    public void discarded(long bytes) {
        active.addAndGet(-bytes);
        signal();
    }

    /** Flushes fail: writers that wait for room fail too instead of waiting forever. Null clears it. */
    public void flushFailing(StorageException failure) {
        flushFailure = failure;
        signal();
    }

    private void signal() {
        lock.lock();
        try {
            freed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits while memtables take more than the budget. Called by committing threads before they
     * enter the commit barrier, so a waiting writer holds up no switch or flush.
     *
     * @throws StorageException retryable, if flushing has failed and cannot make room
     */
    public void awaitRoom() {
        if (used() <= budgetBytes) return;
        long began = System.nanoTime();
        stalls.incrementAndGet();
        lock.lock();
        try {
            while (used() > budgetBytes) {
                StorageException failure = flushFailure;
                if (failure != null) throw new StorageException("memtables are full and cannot be flushed: " + failure.getMessage(), failure, true);
                freed.await(50, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for memtables to be flushed", e, true);
        } finally {
            lock.unlock();
            stallNanos.addAndGet(System.nanoTime() - began);
        }
    }

    public long used() {
        return active.get() + flushing.get();
    }

    public long activeBytes() {
        return active.get();
    }

    public long flushingBytes() {
        return flushing.get();
    }

    /** How many writes have waited for room. */
    public long stalls() {
        return stalls.get();
    }

    /** How long writes have waited for room in all, in nanoseconds. */
    public long stallNanos() {
        return stallNanos.get();
    }
}
