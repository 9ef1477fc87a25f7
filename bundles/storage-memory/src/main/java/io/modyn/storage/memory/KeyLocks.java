package io.modyn.storage.memory;

import io.modyn.api.storage.StorageConflictException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Record locks owned by transactions, not threads: exclusive for a transaction that reads for
 * update or writes a key, shared for one that only requires the key unchanged at commit. A lock
 * that cannot be had within the wait time throws {@link StorageConflictException}, which is also
 * how a cycle of waiting transactions is broken. A key's entry lives only while someone holds or
 * waits for it, so the table does not grow with the number of keys ever written.
 */
final class KeyLocks {

    private final Map<LockName, Entry> entries = new ConcurrentHashMap<>();
    private final long waitNanos;

    KeyLocks(Duration wait) {
        this.waitNanos = wait.toNanos();
    }

    /** The name of a lock: a key of a keyspace. */
    record LockName(String keyspace, MemoryKey key) {
    }

    void lockExclusive(LockName name, Object owner) {
        acquire(name, owner, true);
    }

    void lockShared(LockName name, Object owner) {
        acquire(name, owner, false);
    }

    void unlock(LockName name, Object owner) {
        Entry entry = entries.get(name);
        synchronized (entry) {
            if (entry.exclusiveOwner == owner) entry.exclusiveOwner = null;
            entry.sharedOwners.remove(owner);
            entry.notifyAll();
        }
        release(name);
    }

    private void acquire(LockName name, Object owner, boolean exclusive) {
        Entry entry = entries.compute(name, (n, e) -> {
            Entry found = e == null ? new Entry() : e;
            found.users++;
            return found;
        });
        boolean granted = false;
        try {
            long deadline = System.nanoTime() + waitNanos;
            synchronized (entry) {
                while (!entry.grantable(owner, exclusive)) {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) throw new StorageConflictException("lock wait timed out: " + name.keyspace());
                    TimeUnit.NANOSECONDS.timedWait(entry, remaining);
                }
                if (exclusive) entry.exclusiveOwner = owner; else entry.sharedOwners.add(owner);
                granted = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageConflictException("interrupted waiting for a lock in " + name.keyspace(), e);
        } finally {
            if (!granted) release(name);
        }
    }

    /** How many keys are locked or waited for now. */
    int lockedKeys() {
        return entries.size();
    }

    /** One holder or waiter fewer; the entry goes when none is left. */
    private void release(LockName name) {
        entries.computeIfPresent(name, (n, e) -> --e.users == 0 ? null : e);
    }

    private static final class Entry {
        int users;
        Object exclusiveOwner;
        final Set<Object> sharedOwners = new HashSet<>();

        boolean grantable(Object owner, boolean exclusive) {
            if (exclusiveOwner != null) return exclusiveOwner == owner;
            if (!exclusive) return true;
            return sharedOwners.isEmpty() || (sharedOwners.size() == 1 && sharedOwners.contains(owner));
        }
    }
}
