package io.modyn.engine.stream;

import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.KeyspaceNotFoundException;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageRecord;
import io.modyn.api.storage.StorageTransaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of one stream in its own keyspace: one partition (the stream's single shard), sorted
 * by sequence number as 8 big-endian bytes, so storage order is sequence order. Sequence numbers
 * are dense (1, 2, 3...) because each is taken under the stream's counter lock in the transaction
 * that writes the record; so a missing number below the first present one was trimmed, never
 * skipped. A keyspace that is gone (the stream expired) reads as empty.
 */
final class StreamLog {

    private static final byte[] SHARD = "shard".getBytes(StandardCharsets.UTF_8);

    private StreamLog() {
    }

    static void append(StorageTransaction tx, String keyspace, StoredChange change) {
        tx.put(keyspace, SHARD, sequenceKey(change.sequence()), StoredChangeCodec.encode(change));
    }

    /** Up to {@code limit} records after the given sequence number, in order. */
    static List<StoredChange> after(StorageEngine storage, String keyspace, long afterSequence, int limit) {
        List<StoredChange> records = new ArrayList<>();
        try (RecordCursor cursor = storage.query(keyspace, SHARD, new KeyRange(sequenceKey(afterSequence), false, null, false), false)) {
            while (records.size() < limit && cursor.hasNext()) {
                StorageRecord record = cursor.next();
                records.add(StoredChangeCodec.decode(sequence(record.sort()), record.value()));
            }
        } catch (KeyspaceNotFoundException e) {
            return List.of();
        }
        return records;
    }

    /** The sequence number of the oldest record still kept, or -1 if there is none. */
    static long firstSequence(StorageEngine storage, String keyspace) {
        try (RecordCursor cursor = storage.query(keyspace, SHARD, KeyRange.all(), false)) {
            return cursor.hasNext() ? sequence(cursor.next().sort()) : -1;
        } catch (KeyspaceNotFoundException e) {
            return -1;
        }
    }

    /**
     * The sequence number after which the kept records were all written at or after the given
     * time: the last record written before it, or the one before the first kept record written
     * after it; {@code whenEmpty} if no record is kept.
     */
    static long lastWrittenBefore(StorageEngine storage, String keyspace, long millis, long whenEmpty) {
        try (RecordCursor cursor = storage.query(keyspace, SHARD, KeyRange.all(), false)) {
            long last = -1;
            while (cursor.hasNext()) {
                StorageRecord record = cursor.next();
                long sequence = sequence(record.sort());
                if (StoredChangeCodec.createdMillis(record.value()) >= millis) return last >= 0 ? last : sequence - 1;
                last = sequence;
            }
            return last >= 0 ? last : whenEmpty;
        } catch (KeyspaceNotFoundException e) {
            return whenEmpty;
        }
    }

    /**
     * Deletes the records written before the cutoff, oldest first, in transactions of at most
     * {@code batch} records, so that the kept records always form an unbroken tail.
     *
     * @return the number of records deleted
     */
    static int trim(StorageEngine storage, String keyspace, long cutoffMillis, int batch) {
        int trimmed = 0;
        while (true) {
            List<byte[]> expired = new ArrayList<>();
            try (RecordCursor cursor = storage.query(keyspace, SHARD, KeyRange.all(), false)) {
                while (expired.size() < batch && cursor.hasNext()) {
                    StorageRecord record = cursor.next();
                    if (StoredChangeCodec.createdMillis(record.value()) >= cutoffMillis) break;
                    expired.add(record.sort());
                }
            } catch (KeyspaceNotFoundException e) {
                return trimmed;
            }
            if (expired.isEmpty()) return trimmed;
            try (StorageTransaction tx = storage.begin()) {
                for (byte[] sort : expired) tx.delete(keyspace, SHARD, sort);
                tx.commit();
            }
            trimmed += expired.size();
            if (expired.size() < batch) return trimmed;
        }
    }

    private static byte[] sequenceKey(long sequence) {
        return ByteBuffer.allocate(Long.BYTES).putLong(sequence).array();
    }

    private static long sequence(byte[] key) {
        return ByteBuffer.wrap(key).getLong();
    }
}
