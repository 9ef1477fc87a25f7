package io.modyn.storage.file;

import io.modyn.api.storage.StorageTransaction;
import io.modyn.storage.file.locks.KeyLock;
import io.modyn.storage.file.locks.KeyLockTable;
import io.modyn.storage.file.locks.LockOwner;
import io.modyn.storage.file.locks.RecordKey;
import io.modyn.storage.file.mutation.Mutation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    public void commit() {
        ensureActive();
        finished = true;
        try {
            if (!writes.isEmpty()) engine.commit(new ArrayList<>(writes.values()));
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
        for (KeyLock lock : held.values()) lockTable.release(lock);
        held.clear();
        writes.clear();
    }

    private void ensureActive() {
        if (finished) throw new IllegalStateException("the transaction has already been committed or closed");
    }
}
