package io.modyn.storage.memory;

import io.modyn.api.storage.KeyspaceStatistics;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One keyspace: its records in key order, and the counts its statistics report, kept as the
 * records change so that DescribeTable costs nothing. Changed only under the engine's visibility
 * write lock; read by any thread.
 */
final class MemoryKeyspace {

    private final ConcurrentSkipListMap<MemoryKey, byte[]> records = new ConcurrentSkipListMap<>();
    private volatile long recordCount;
    private volatile long sizeBytes;

    ConcurrentNavigableMap<MemoryKey, byte[]> records() {
        return records;
    }

    byte[] get(MemoryKey key) {
        return records.get(key);
    }

    /** Writes the value, or deletes the record when it is null. */
    void apply(MemoryKey key, byte[] value) {
        byte[] previous = value == null ? records.remove(key) : records.put(key, value);
        long keyBytes = key.partition().length + key.sort().length;
        if (previous != null) {
            recordCount--;
            sizeBytes -= keyBytes + previous.length;
        }
        if (value != null) {
            recordCount++;
            sizeBytes += keyBytes + value.length;
        }
    }

    KeyspaceStatistics statistics() {
        return new KeyspaceStatistics(recordCount, sizeBytes);
    }
}
