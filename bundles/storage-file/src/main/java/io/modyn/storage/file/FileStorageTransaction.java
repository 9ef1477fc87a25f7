package io.modyn.storage.file;

import io.modyn.api.storage.RecordChangedException;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.storage.file.locks.KeyLock;
import io.modyn.storage.file.locks.KeyLockTable;
import io.modyn.storage.file.locks.LockOwner;
import io.modyn.storage.file.locks.RecordKey;
import io.modyn.storage.file.mutation.Mutation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A transaction of the file engine: locks every key it reads for update or writes, buffers its
 * writes (the last write to a key wins), and commits them as one commit-log record. Keys and
 * values are copied when buffered, so the caller may reuse its arrays.
 */
final class FileStorageTransaction implements StorageTransaction {

    private final FileStorageEngine engine;
    private final KeyLockTable lockTable;
    private final LockOwner owner = new LockOwner();
    private final Map<RecordKey, KeyLock> held = new HashMap<>();
    private final Map<RecordKey, Mutation> writes = new LinkedHashMap<>();
    /** Records the commit requires unchanged, with their expected values (null: absent). */
    private final Map<RecordKey, byte[]> required = new LinkedHashMap<>();
    private final List<RecordKey> sharedHeld = new ArrayList<>();
    private boolean finished;

    FileStorageTransaction(FileStorageEngine engine, KeyLockTable lockTable) {
        this.engine = engine;
        this.lockTable = lockTable;
    }

    @Override
    public byte[] getForUpdate(String keyspace, byte[] partition, byte[] sort) {
        RecordKey key = lock(keyspace, partition, sort);
        Mutation pending = writes.get(key);
        if (pending != null) return pending.value();
        return engine.get(keyspace, partition, sort);
    }

    @Override
    public void put(String keyspace, byte[] partition, byte[] sort, byte[] value) {
        RecordKey key = lock(keyspace, partition, sort);
        writes.put(key, Mutation.put(keyspace, key.partition(), key.sort(), value.clone()));
    }

    @Override
    public void delete(String keyspace, byte[] partition, byte[] sort) {
        RecordKey key = lock(keyspace, partition, sort);
        writes.put(key, Mutation.delete(keyspace, key.partition(), key.sort()));
    }

    /** Locks the key unless this transaction holds it already; returns the key with private copies of the arrays. */
    private RecordKey lock(String keyspace, byte[] partition, byte[] sort) {
        ensureActive();
        engine.requireKeyspace(keyspace);
        RecordKey key = new RecordKey(keyspace, partition.clone(), sort.clone());
        if (!held.containsKey(key)) held.put(key, lockTable.acquire(key, owner));
        return key;
    }

    @Override
    public void requireUnchanged(String keyspace, byte[] partition, byte[] sort, byte[] expected) {
        ensureActive();
        RecordKey key = new RecordKey(keyspace, partition.clone(), sort.clone());
        byte[] value = expected == null ? null : expected.clone();
        if (required.containsKey(key) && !Arrays.equals(required.get(key), value)) {
            throw new RecordChangedException("a record was required unchanged with two different values: " + key);
        }
        required.put(key, value);
    }

    /**
     * Takes a shared hold on each record required unchanged and compares it, then commits; the
     * holds (like the locks) are released only after the writes are in the memtables, so no
     * transaction can change a required record between the comparison and the writes' visibility.
     */
    @Override
    public void commit() {
        ensureActive();
        finished = true;
        try {
            if (writes.isEmpty()) return;
            for (Map.Entry<RecordKey, byte[]> entry : required.entrySet()) {
                RecordKey key = entry.getKey();
                if (!held.containsKey(key) && lockTable.acquireShared(key, owner)) sharedHeld.add(key);
                if (!Arrays.equals(engine.get(key.keyspace(), key.partition(), key.sort()), entry.getValue())) {
                    throw new RecordChangedException("a record the commit required unchanged had changed; nothing was written: " + key);
                }
            }
            engine.commit(new ArrayList<>(writes.values()));
        } finally {
            releaseLocks();
        }
    }

    @Override
    public void close() {
        if (finished) return;
        finished = true;
        releaseLocks();
    }

    private void releaseLocks() {
        for (RecordKey key : sharedHeld) lockTable.releaseShared(key);
        sharedHeld.clear();
        for (KeyLock lock : held.values()) lockTable.release(lock);
        held.clear();
        writes.clear();
        required.clear();
    }

    private void ensureActive() {
        if (finished) throw new IllegalStateException("the transaction has already been committed or closed");
    }
}
