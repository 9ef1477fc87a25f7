package io.modyn.api.storage.memory;

import io.modyn.api.storage.KeyspaceNotFoundException;
import io.modyn.api.storage.KeyOrder;
import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.KeyspaceStatistics;
import io.modyn.api.storage.PartitionToken;
import io.modyn.api.storage.RecordChangedException;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageConflictException;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageException;
import io.modyn.api.storage.StorageKey;
import io.modyn.api.storage.StorageRecord;
import io.modyn.api.storage.StorageTransaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The reference implementation of the storage SPI: everything in memory, nothing durable beyond
 * the object's life. It is the simplest thing that meets the contract, for tests of the engine
 * without a real backend, and a reading aid for backend authors. Shipped in the api test-jar only.
 */
public final class InMemoryStorageEngine implements StorageEngine {

    private static final long LOCK_TIMEOUT_MILLIS = 2000;

    private final Map<String, NavigableMap<StorageKey, byte[]>> keyspaces = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** Commits apply under this lock so that readers never see half of one. */
    private final Object commitLock = new Object();

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public void createKeyspace(String keyspace) {
        keyspaces.computeIfAbsent(keyspace, k -> new ConcurrentSkipListMap<>());
    }

    @Override
    public void dropKeyspace(String keyspace) {
        keyspaces.remove(keyspace);
    }

    @Override
    public boolean keyspaceExists(String keyspace) {
        return keyspaces.containsKey(keyspace);
    }

    @Override
    public byte[] get(String keyspace, byte[] partition, byte[] sort) {
        return records(keyspace).get(new StorageKey(partition, sort));
    }

    @Override
    public RecordCursor query(String keyspace, byte[] partition, KeyRange range, boolean descending) {
        NavigableMap<StorageKey, byte[]> records = records(keyspace);
        List<StorageRecord> found = new ArrayList<>();
        for (Map.Entry<StorageKey, byte[]> e : records.tailMap(new StorageKey(partition, new byte[0]), true).entrySet()) {
            if (!java.util.Arrays.equals(e.getKey().partition(), partition)) break;
            if (range.contains(e.getKey().sort())) found.add(new StorageRecord(partition, e.getKey().sort(), e.getValue()));
        }
        if (descending) java.util.Collections.reverse(found);
        return cursor(found.iterator());
    }

    @Override
    public RecordCursor scan(String keyspace, int segment, int totalSegments, StorageKey exclusiveStart) {
        List<StorageRecord> found = new ArrayList<>();
        for (Map.Entry<StorageKey, byte[]> e : records(keyspace).entrySet()) {
            StorageKey key = e.getKey();
            if (PartitionToken.segmentOf(key.token(), totalSegments) != segment) continue;
            if (exclusiveStart != null && key.compareTo(exclusiveStart) <= 0) continue;
            found.add(new StorageRecord(key.partition(), key.sort(), e.getValue()));
        }
        return cursor(found.iterator());
    }

    @Override
    public KeyspaceStatistics statistics(String keyspace) {
        long bytes = 0;
        NavigableMap<StorageKey, byte[]> records = records(keyspace);
        for (Map.Entry<StorageKey, byte[]> e : records.entrySet()) {
            bytes += e.getKey().partition().length + e.getKey().sort().length + e.getValue().length;
        }
        return new KeyspaceStatistics(records.size(), bytes);
    }

    @Override
    public StorageTransaction begin() {
        return new Transaction();
    }

    /** Copies under the commit lock, so no commit is half in the copies. */
    @Override
    public void copyKeyspaces(Map<String, String> sourceToTarget) {
        synchronized (commitLock) {
            for (String source : sourceToTarget.keySet()) records(source);
            for (String target : sourceToTarget.values()) {
                if (keyspaces.containsKey(target)) throw new StorageException("keyspace exists already: " + target, false);
            }
            sourceToTarget.forEach((source, target) -> keyspaces.put(target, new ConcurrentSkipListMap<>(records(source))));
        }
    }

    private NavigableMap<StorageKey, byte[]> records(String keyspace) {
        NavigableMap<StorageKey, byte[]> records = keyspaces.get(keyspace);
        if (records == null) throw new KeyspaceNotFoundException("keyspace does not exist: " + keyspace);
        return records;
    }

    private static RecordCursor cursor(Iterator<StorageRecord> records) {
        return new RecordCursor() {
            @Override public boolean hasNext() { return records.hasNext(); }
            @Override public StorageRecord next() { return records.next(); }
            @Override public void close() { }
        };
    }

    private record Required(String keyspace, StorageKey key, byte[] expected) {
    }

    private final class Transaction implements StorageTransaction {

        private final Map<String, ReentrantLock> held = new LinkedHashMap<>();
        private final Map<String, Map<StorageKey, byte[]>> pending = new LinkedHashMap<>();
        /** Records the commit is conditional on: keyspace/key name to (keyspace, key, expected value). */
        private final Map<String, Required> required = new LinkedHashMap<>();

        @Override
        public byte[] getForUpdate(String keyspace, byte[] partition, byte[] sort) {
            StorageKey key = lock(keyspace, partition, sort);
            Map<StorageKey, byte[]> writes = pending.get(keyspace);
            if (writes != null && writes.containsKey(key)) return writes.get(key);
            return records(keyspace).get(key);
        }

        @Override
        public void put(String keyspace, byte[] partition, byte[] sort, byte[] value) {
            StorageKey key = lock(keyspace, partition, sort);
            pending.computeIfAbsent(keyspace, k -> new LinkedHashMap<>()).put(key, value.clone());
        }

        @Override
        public void delete(String keyspace, byte[] partition, byte[] sort) {
            StorageKey key = lock(keyspace, partition, sort);
            pending.computeIfAbsent(keyspace, k -> new LinkedHashMap<>()).put(key, null);
        }

        @Override
        public void requireUnchanged(String keyspace, byte[] partition, byte[] sort, byte[] expected) {
            StorageKey key = new StorageKey(partition.clone(), sort.clone());
            Required wanted = new Required(keyspace, key, expected == null ? null : expected.clone());
            Required earlier = required.putIfAbsent(keyspace + "/" + key, wanted);
            if (earlier != null && !Arrays.equals(earlier.expected, wanted.expected)) {
                throw new RecordChangedException("required unchanged with two different values: " + keyspace + "/" + key);
            }
        }

        @Override
        public void commit() {
            // The reference takes an exclusive lock where a backend takes a shared one: simpler,
            // and it waits for a transaction holding the record for update just the same.
            if (!pending.isEmpty()) {
                for (Required r : required.values()) lock(r.keyspace, r.key.partition(), r.key.sort());
            }
            synchronized (commitLock) {
                if (!pending.isEmpty()) {
                    for (Required r : required.values()) {
                        if (!Arrays.equals(records(r.keyspace).get(r.key), r.expected)) {
                            pending.clear();
                            throw new RecordChangedException("record changed: " + r.keyspace + "/" + r.key);
                        }
                    }
                }
                for (String keyspace : pending.keySet()) records(keyspace);
                pending.forEach((keyspace, writes) -> {
                    NavigableMap<StorageKey, byte[]> records = records(keyspace);
                    writes.forEach((key, value) -> {
                        if (value == null) records.remove(key); else records.put(key, value);
                    });
                });
            }
            pending.clear();
        }

        @Override
        public void close() {
            pending.clear();
            required.clear();
            held.values().forEach(ReentrantLock::unlock);
            held.clear();
        }

        private StorageKey lock(String keyspace, byte[] partition, byte[] sort) {
            records(keyspace);
            StorageKey key = new StorageKey(partition.clone(), sort.clone());
            String name = keyspace + "/" + key;
            if (held.containsKey(name)) return key;
            ReentrantLock lock = locks.computeIfAbsent(name, n -> new ReentrantLock());
            try {
                if (!lock.tryLock(LOCK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) throw new StorageConflictException("lock wait timed out: " + name);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageConflictException("interrupted waiting for " + name);
            }
            held.put(name, lock);
            return key;
        }
    }
}
