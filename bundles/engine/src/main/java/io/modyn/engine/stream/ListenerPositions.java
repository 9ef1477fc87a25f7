package io.modyn.engine.stream;

import io.modyn.api.storage.KeyspaceNotFoundException;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageRecord;
import io.modyn.api.storage.StorageTransaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How far each listener has been told of each stream, in the system keyspace {@value #KEYSPACE}:
 * partition = listener id; sort = {@code <table>/<label>} holding the last sequence number
 * delivered, or the empty string holding the time the listener was first seen (it hears the
 * changes written from then on). Kept in storage, so a restart, or another node sharing the
 * database, resumes where delivery stopped.
 */
final class ListenerPositions {

    static final String KEYSPACE = "modyn.stream-listeners";

    private static final byte[] FIRST_SEEN = new byte[0];

    private ListenerPositions() {
    }

    /** When the listener was first seen, recorded now if it never was. */
    static long firstSeen(StorageEngine storage, String listenerId, long nowMillis) {
        byte[] stored = storage.get(KEYSPACE, partition(listenerId), FIRST_SEEN);
        if (stored != null) return decode(stored);
        try (StorageTransaction tx = storage.begin()) {
            stored = tx.getForUpdate(KEYSPACE, partition(listenerId), FIRST_SEEN);
            if (stored != null) return decode(stored);
            tx.put(KEYSPACE, partition(listenerId), FIRST_SEEN, encode(nowMillis));
            tx.commit();
            return nowMillis;
        }
    }

    /** The listener's position in the stream as committed, or null if it has none yet. */
    static Long read(StorageEngine storage, String listenerId, StreamKey stream) {
        byte[] stored = storage.get(KEYSPACE, partition(listenerId), sort(stream));
        return stored == null ? null : decode(stored);
    }

    /** Locks the listener's position in the stream and returns it, or null if it has none yet. */
    static Long lock(StorageTransaction tx, String listenerId, StreamKey stream) {
        byte[] stored = tx.getForUpdate(KEYSPACE, partition(listenerId), sort(stream));
        return stored == null ? null : decode(stored);
    }

    static void save(StorageTransaction tx, String listenerId, StreamKey stream, long delivered) {
        tx.put(KEYSPACE, partition(listenerId), sort(stream), encode(delivered));
    }

    /** Deletes every listener's position in a stream that is removed. */
    static void forget(StorageEngine storage, StorageTransaction tx, StreamKey stream) {
        byte[] sort = sort(stream);
        try (RecordCursor cursor = storage.scan(KEYSPACE, 0, 1, null)) {
            while (cursor.hasNext()) {
                StorageRecord record = cursor.next();
                if (Arrays.equals(record.sort(), sort)) tx.delete(KEYSPACE, record.partition(), sort);
            }
        } catch (KeyspaceNotFoundException e) {
            // no listener ever ran against this storage
        }
    }

    private static byte[] partition(String listenerId) {
        return listenerId.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sort(StreamKey stream) {
        return (stream.tableName() + "/" + stream.label()).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] encode(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    private static long decode(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getLong();
    }
}
