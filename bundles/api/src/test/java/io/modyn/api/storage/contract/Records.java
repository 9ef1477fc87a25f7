package io.modyn.api.storage.contract;

import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageKey;
import io.modyn.api.storage.StorageRecord;
import io.modyn.api.storage.StorageTransaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Small helpers the contract suite uses to write records and read cursors. */
final class Records {

    private Records() {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) bytes[i] = (byte) values[i];
        return bytes;
    }

    /** Commits one put in its own transaction. */
    static void put(StorageEngine engine, String keyspace, byte[] partition, byte[] sort, byte[] value) {
        try (StorageTransaction tx = engine.begin()) {
            tx.put(keyspace, partition, sort, value);
            tx.commit();
        }
    }

    static void put(StorageEngine engine, String keyspace, String partition, String sort, String value) {
        put(engine, keyspace, utf8(partition), utf8(sort), utf8(value));
    }

    static void delete(StorageEngine engine, String keyspace, String partition, String sort) {
        try (StorageTransaction tx = engine.begin()) {
            tx.delete(keyspace, utf8(partition), utf8(sort));
            tx.commit();
        }
    }

    static String get(StorageEngine engine, String keyspace, String partition, String sort) {
        return text(engine.get(keyspace, utf8(partition), utf8(sort)));
    }

    /** Reads the cursor to its end and closes it. */
    static List<StorageRecord> drain(RecordCursor cursor) {
        try (cursor) {
            List<StorageRecord> records = new ArrayList<>();
            cursor.forEachRemaining(records::add);
            return records;
        }
    }

    /** Reads at most {@code limit} records and closes the cursor, as a paged scan does. */
    static List<StorageRecord> take(RecordCursor cursor, int limit) {
        try (cursor) {
            List<StorageRecord> records = new ArrayList<>();
            while (records.size() < limit && cursor.hasNext()) records.add(cursor.next());
            return records;
        }
    }

    static List<String> sortKeys(List<StorageRecord> records) {
        List<String> keys = new ArrayList<>(records.size());
        for (StorageRecord record : records) keys.add(text(record.sort()));
        return keys;
    }

    static List<StorageKey> keys(List<StorageRecord> records) {
        List<StorageKey> keys = new ArrayList<>(records.size());
        for (StorageRecord record : records) keys.add(key(record));
        return keys;
    }

    static StorageKey key(StorageRecord record) {
        return new StorageKey(record.partition(), record.sort());
    }
}
