package io.modyn.engine.stream;

import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageRecord;
import io.modyn.api.storage.StorageTransaction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The streams that have recorded something, one record each in the system keyspace
 * {@value #KEYSPACE} (partition: table name, sort: label), kept apart from the table catalog
 * because a stream stays readable for 24 hours after its table is deleted.
 *
 * <p>The record doubles as the stream's sequence counter: every writer locks it, takes the next
 * number and writes it back in the transaction of its change (see {@link StreamRecorder}).
 */
final class StreamRegistry {

    static final String KEYSPACE = "modyn.streams";

    private static final int VERSION = 1;

    private StreamRegistry() {
    }

    /**
     * Locks the table's current stream's counter and advances it by one record written now; the
     * lock is held until the transaction ends, which orders the stream's writers.
     */
    static StreamInfo advance(StorageTransaction tx, TableDefinition table, long nowMillis) {
        StreamKey key = new StreamKey(table.tableName(), table.latestStreamLabel());
        byte[] stored = tx.getForUpdate(KEYSPACE, partition(key), sort(key));
        StreamInfo current = stored != null ? decode(key, stored)
                : new StreamInfo(key, table.tableId(), table.streamSpecification().streamViewType(), table.keySchema(), 0, 0);
        StreamInfo next = current.advanced(nowMillis);
        tx.put(KEYSPACE, partition(key), sort(key), encode(next));
        return next;
    }

    static StreamInfo find(StorageEngine storage, StreamKey key) {
        byte[] stored = storage.get(KEYSPACE, partition(key), sort(key));
        return stored == null ? null : decode(key, stored);
    }

    /** The streams of one table, oldest first. */
    static List<StreamInfo> ofTable(StorageEngine storage, String tableName) {
        List<StreamInfo> streams = new ArrayList<>();
        byte[] partition = tableName.getBytes(StandardCharsets.UTF_8);
        try (RecordCursor cursor = storage.query(KEYSPACE, partition, KeyRange.all(), false)) {
            while (cursor.hasNext()) streams.add(decode(cursor.next()));
        }
        return streams;
    }

    /** Every recorded stream, in no particular order. */
    static List<StreamInfo> all(StorageEngine storage) {
        List<StreamInfo> streams = new ArrayList<>();
        try (RecordCursor cursor = storage.scan(KEYSPACE, 0, 1, null)) {
            while (cursor.hasNext()) streams.add(decode(cursor.next()));
        }
        return streams;
    }

    static void remove(StorageTransaction tx, StreamKey key) {
        tx.delete(KEYSPACE, partition(key), sort(key));
    }

    /** Locks the stream's record, so that nothing records into it meanwhile; null if it is gone. */
    static StreamInfo lock(StorageTransaction tx, StreamKey key) {
        byte[] stored = tx.getForUpdate(KEYSPACE, partition(key), sort(key));
        return stored == null ? null : decode(key, stored);
    }

    private static byte[] partition(StreamKey key) {
        return key.tableName().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sort(StreamKey key) {
        return key.label().getBytes(StandardCharsets.UTF_8);
    }

    private static StreamInfo decode(StorageRecord record) {
        StreamKey key = new StreamKey(new String(record.partition(), StandardCharsets.UTF_8), new String(record.sort(), StandardCharsets.UTF_8));
        return decode(key, record.value());
    }

    static byte[] encode(StreamInfo info) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            out.writeUTF(info.tableId());
            out.writeBoolean(info.viewType() != null);
            if (info.viewType() != null) out.writeUTF(info.viewType());
            out.writeByte(info.keySchema().size());
            for (KeySchemaElement k : info.keySchema()) {
                out.writeUTF(k.attributeName());
                out.writeUTF(k.keyType());
            }
            out.writeLong(info.lastSequence());
            out.writeLong(info.lastWriteMillis());
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StreamInfo decode(StreamKey key, byte[] bytes) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            int version = in.readUnsignedByte();
            if (version != VERSION) throw new IllegalStateException("unknown stream registry version " + version);
            String tableId = in.readUTF();
            String viewType = in.readBoolean() ? in.readUTF() : null;
            int keys = in.readUnsignedByte();
            List<KeySchemaElement> keySchema = new ArrayList<>(keys);
            for (int i = 0; i < keys; i++) keySchema.add(new KeySchemaElement(in.readUTF(), in.readUTF()));
            return new StreamInfo(key, tableId, viewType, keySchema, in.readLong(), in.readLong());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
