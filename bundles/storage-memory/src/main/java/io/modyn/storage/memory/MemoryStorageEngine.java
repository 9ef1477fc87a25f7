package io.modyn.storage.memory;

import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.KeyspaceNotFoundException;
import io.modyn.api.storage.KeyspaceStatistics;
import io.modyn.api.storage.PartitionToken;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageException;
import io.modyn.api.storage.StorageKey;
import io.modyn.api.storage.StorageTransaction;
import java.time.Duration;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;

/**
 * The storage SPI held entirely in memory: for test suites that want the fastest start and nothing
 * on disk. Everything is gone when the engine is.
 *
 * <p>Each keyspace is a skip list in {@link io.modyn.api.storage.KeyOrder}, so a Query reads one
 * contiguous run (a partition) and a Scan segment one contiguous token range, as in the file
 * engine's memtable. Transactions lock keys ({@link KeyLocks}) and buffer their writes; a commit
 * applies them under the write half of one read-write lock, and point reads take the read half,
 * so no reader sees part of a commit. Cursors read in small batches under the read half too.
 */
public final class MemoryStorageEngine implements StorageEngine {

    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);

    private static final Pattern KEYSPACE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    private final Map<String, MemoryKeyspace> keyspaces = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock visibility = new ReentrantReadWriteLock();
    private final KeyLocks locks;

    public MemoryStorageEngine() {
        this(DEFAULT_LOCK_TIMEOUT);
    }

    public MemoryStorageEngine(Duration lockTimeout) {
        this.locks = new KeyLocks(lockTimeout);
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public void createKeyspace(String keyspace) {
        if (!KEYSPACE_NAME.matcher(keyspace).matches()) throw new StorageException("invalid keyspace name: " + keyspace, false);
        writing().lock();
        try {
            keyspaces.computeIfAbsent(keyspace, k -> new MemoryKeyspace());
        } finally {
            writing().unlock();
        }
    }

    @Override
    public void dropKeyspace(String keyspace) {
        writing().lock();
        try {
            keyspaces.remove(keyspace);
        } finally {
            writing().unlock();
        }
    }

    @Override
    public boolean keyspaceExists(String keyspace) {
        return keyspaces.containsKey(keyspace);
    }

    @Override
    public byte[] get(String keyspace, byte[] partition, byte[] sort) {
        MemoryKey key = MemoryKey.of(partition, sort);
        reading().lock();
        try {
            return keyspace(keyspace).get(key);
        } finally {
            reading().unlock();
        }
    }

    @Override
    public RecordCursor query(String keyspace, byte[] partition, KeyRange sortRange, boolean descending) {
        NavigableMap<MemoryKey, byte[]> records = keyspace(keyspace).records();
        if (sortRange.isEmpty()) return BatchedCursor.EMPTY;
        MemoryKey low = sortRange.lower() == null ? MemoryKey.partitionStart(partition) : MemoryKey.of(partition, sortRange.lower());
        boolean lowInclusive = sortRange.lower() == null || sortRange.lowerInclusive();
        MemoryKey high = sortRange.upper() == null ? MemoryKey.partitionEnd(partition) : MemoryKey.of(partition, sortRange.upper());
        boolean highInclusive = sortRange.upper() != null && sortRange.upperInclusive();
        NavigableMap<MemoryKey, byte[]> run = records.subMap(low, lowInclusive, high, highInclusive);
        return new BatchedCursor(descending ? run.descendingMap() : run, reading());
    }

    @Override
    public RecordCursor scan(String keyspace, int segment, int totalSegments, StorageKey exclusiveStart) {
        NavigableMap<MemoryKey, byte[]> records = keyspace(keyspace).records();
        MemoryKey low = MemoryKey.tokenStart(PartitionToken.segmentStart(segment, totalSegments));
        boolean lowInclusive = true;
        if (exclusiveStart != null) {
            MemoryKey start = MemoryKey.of(exclusiveStart.partition(), exclusiveStart.sort());
            if (start.compareTo(low) >= 0) {
                low = start;
                lowInclusive = false;
            }
        }
        // The last segment runs to the end of the token space, the others to the next one's start.
        if (segment == totalSegments - 1) return new BatchedCursor(records.tailMap(low, lowInclusive), reading());
        MemoryKey high = MemoryKey.tokenStart(PartitionToken.segmentStart(segment + 1, totalSegments));
        if (low.compareTo(high) >= 0) return BatchedCursor.EMPTY;
        return new BatchedCursor(records.subMap(low, lowInclusive, high, false), reading());
    }

    /** Under the visibility write lock, which commits take to apply: no commit is half in the copies. */
    @Override
    public void copyKeyspaces(Map<String, String> sourceToTarget) {
        for (String target : sourceToTarget.values()) {
            if (!KEYSPACE_NAME.matcher(target).matches()) throw new StorageException("invalid keyspace name: " + target, false);
        }
        writing().lock();
        try {
            for (Map.Entry<String, String> copy : sourceToTarget.entrySet()) {
                keyspace(copy.getKey());
                if (keyspaces.containsKey(copy.getValue())) throw new StorageException("keyspace exists already: " + copy.getValue(), false);
            }
            for (Map.Entry<String, String> copy : sourceToTarget.entrySet()) {
                MemoryKeyspace target = new MemoryKeyspace();
                keyspace(copy.getKey()).records().forEach(target::apply);
                keyspaces.put(copy.getValue(), target);
            }
        } finally {
            writing().unlock();
        }
    }

    @Override
    public KeyspaceStatistics statistics(String keyspace) {
        return keyspace(keyspace).statistics();
    }

    @Override
    public StorageTransaction begin() {
        return new MemoryTransaction(this, locks);
    }

    /** The keyspace, or the SPI's error for a missing one. */
    MemoryKeyspace keyspace(String keyspace) {
        MemoryKeyspace found = keyspaces.get(keyspace);
        if (found == null) throw new KeyspaceNotFoundException("keyspace does not exist: " + keyspace);
        return found;
    }

    /** How many keys transactions hold or wait for now (none once every transaction is closed). */
    int lockedKeys() {
        return locks.lockedKeys();
    }

    Lock reading() {
        return visibility.readLock();
    }

    Lock writing() {
        return visibility.writeLock();
    }
}
