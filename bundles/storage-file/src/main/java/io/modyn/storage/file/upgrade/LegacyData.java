package io.modyn.storage.file.upgrade;

import io.modyn.storage.file.mutation.Mutation;
import io.modyn.storage.file.record.OrderedKey;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The whole content of a format-1 data directory, in memory: what its engine held in memtables,
 * rebuilt by applying its snapshot and then its commit log with the same rules (a format-1
 * engine held all its data in the heap, so this fits by construction). Keyspaces and records are
 * kept in order, ready to be written as sorted tables.
 */
final class LegacyData {

    private final NavigableMap<String, NavigableMap<OrderedKey, byte[]>> keyspaces = new TreeMap<>();

    /**
     * Applies one batch: CREATE makes an empty keyspace if it does not exist, DROP removes it and
     * its records, PUT sets a record, DELETE removes it.
     *
     * @throws IllegalStateException if a record mutation names a keyspace that does not exist
     */
    void apply(List<Mutation> batch) {
        for (Mutation mutation : batch) {
            switch (mutation.kind()) {
                case CREATE_KEYSPACE -> keyspaces.computeIfAbsent(mutation.keyspace(), name -> new TreeMap<>());
                case DROP_KEYSPACE -> keyspaces.remove(mutation.keyspace());
                case PUT -> existing(mutation).put(OrderedKey.of(mutation.partition(), mutation.sort()), mutation.value());
                case DELETE -> existing(mutation).remove(OrderedKey.of(mutation.partition(), mutation.sort()));
            }
        }
    }

    private NavigableMap<OrderedKey, byte[]> existing(Mutation mutation) {
        NavigableMap<OrderedKey, byte[]> records = keyspaces.get(mutation.keyspace());
        if (records == null) throw new IllegalStateException("mutation of keyspace " + mutation.keyspace() + ", which does not exist");
        return records;
    }

    /** Keyspaces by name, each with its records in key order. */
    Map<String, NavigableMap<OrderedKey, byte[]>> keyspaces() {
        return keyspaces;
    }

    long recordCount() {
        long count = 0;
        for (NavigableMap<OrderedKey, byte[]> records : keyspaces.values()) count += records.size();
        return count;
    }
}
