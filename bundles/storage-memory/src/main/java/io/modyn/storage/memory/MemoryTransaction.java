package io.modyn.storage.memory;

import io.modyn.api.storage.RecordChangedException;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.storage.memory.KeyLocks.LockName;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A transaction of {@link MemoryStorageEngine}: locks every key it reads for update or writes,
 * buffers the writes, and at commit takes shared locks on the records it requires unchanged (after
 * all its other locks, as the SPI asks), checks them and applies every write under the engine's
 * visibility write lock, so readers see all of it or none.
 */
final class MemoryTransaction implements StorageTransaction {

    private final MemoryStorageEngine engine;
    private final KeyLocks locks;
    /** Keys locked exclusively; the transaction itself is the owner. */
    private final Set<LockName> exclusive = new LinkedHashSet<>();
    private final Set<LockName> shared = new LinkedHashSet<>();
    /** Buffered writes in order; a null value deletes. */
    private final Map<LockName, byte[]> pending = new LinkedHashMap<>();
    /** Records the commit is conditional on, with the value each must hold (null: absent). */
    private final Map<LockName, byte[]> required = new LinkedHashMap<>();

    MemoryTransaction(MemoryStorageEngine engine, KeyLocks locks) {
        this.engine = engine;
        this.locks = locks;
    }

    @Override
    public byte[] getForUpdate(String keyspace, byte[] partition, byte[] sort) {
        LockName name = lockForUpdate(keyspace, partition, sort);
        if (pending.containsKey(name)) return pending.get(name);
        return engine.get(keyspace, partition, sort);
    }

    @Override
    public void put(String keyspace, byte[] partition, byte[] sort, byte[] value) {
        pending.put(lockForUpdate(keyspace, partition, sort), value.clone());
    }

    @Override
    public void delete(String keyspace, byte[] partition, byte[] sort) {
        pending.put(lockForUpdate(keyspace, partition, sort), null);
    }

    @Override
    public void requireUnchanged(String keyspace, byte[] partition, byte[] sort, byte[] expected) {
        LockName name = new LockName(keyspace, MemoryKey.copyOf(partition, sort));
        byte[] wanted = expected == null ? null : expected.clone();
        if (required.containsKey(name) && !Arrays.equals(required.get(name), wanted)) {
            throw new RecordChangedException("required unchanged with two different values in " + keyspace);
        }
        required.put(name, wanted);
    }

    @Override
    public void commit() {
        try {
            if (pending.isEmpty()) return;
            for (LockName name : required.keySet()) {
                if (exclusive.contains(name) || shared.contains(name)) continue;
                locks.lockShared(name, this);
                shared.add(name);
            }
            engine.writing().lock();
            try {
                for (Map.Entry<LockName, byte[]> r : required.entrySet()) {
                    byte[] current = engine.keyspace(r.getKey().keyspace()).get(r.getKey().key());
                    if (!Arrays.equals(current, r.getValue())) {
                        throw new RecordChangedException("record changed in " + r.getKey().keyspace());
                    }
                }
                // Every keyspace must still exist before anything is applied: all or nothing.
                for (LockName name : pending.keySet()) engine.keyspace(name.keyspace());
                pending.forEach((name, value) -> engine.keyspace(name.keyspace()).apply(name.key(), value));
            } finally {
                engine.writing().unlock();
            }
        } finally {
            pending.clear();
            releaseShared();
        }
    }

    @Override
    public void close() {
        pending.clear();
        required.clear();
        releaseShared();
        for (LockName name : exclusive) locks.unlock(name, this);
        exclusive.clear();
    }

    private LockName lockForUpdate(String keyspace, byte[] partition, byte[] sort) {
        engine.keyspace(keyspace);
        LockName name = new LockName(keyspace, MemoryKey.copyOf(partition, sort));
        if (exclusive.contains(name)) return name;
        // A key required unchanged is only locked at commit, so it is never held shared here.
        locks.lockExclusive(name, this);
        exclusive.add(name);
        return name;
    }

    private void releaseShared() {
        for (LockName name : shared) locks.unlock(name, this);
        shared.clear();
    }
}
