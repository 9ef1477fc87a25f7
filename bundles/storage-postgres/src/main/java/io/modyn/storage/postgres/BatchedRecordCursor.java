package io.modyn.storage.postgres;

import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageRecord;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads records in batches with keyset pagination: each batch is one bounded statement that
 * continues strictly after the last record of the previous one, on a pooled connection held only
 * for that statement. So a caller that stops after a 1 MB page has read about a page, never the
 * whole table, and holds no connection while it works between batches.
 *
 * <p>Batches start small ({@value #FIRST_BATCH} records: a Query with a small limit costs little)
 * and double up to {@value #MAX_BATCH} records, or fewer when the records seen so far are large, so
 * that one batch stays near {@value #TARGET_BATCH_BYTES} bytes.
 */
final class BatchedRecordCursor implements RecordCursor {

    static final int FIRST_BATCH = 32;
    static final int MAX_BATCH = 1024;
    static final long TARGET_BATCH_BYTES = 1L << 20;

    /** Reads up to {@code limit} records strictly after {@code after} (null: from the start). */
    @FunctionalInterface
    interface BatchReader {
        List<StorageRecord> read(StorageRecord after, int limit);
    }

    private final BatchReader reader;
    private List<StorageRecord> batch;
    private int index;
    private int lastLimit;
    private boolean exhausted;
    private boolean closed;
    private StorageRecord last;
    private long recordsRead;
    private long bytesRead;

    /** Reads the first batch at once, so that a missing keyspace fails the call that opened the cursor. */
    BatchedRecordCursor(BatchReader reader) {
        this.reader = reader;
        fetch(FIRST_BATCH);
    }

    @Override
    public boolean hasNext() {
        if (closed) return false;
        if (index < batch.size()) return true;
        if (exhausted) return false;
        fetch(nextLimit());
        return index < batch.size();
    }

    @Override
    public StorageRecord next() {
        if (!hasNext()) throw new NoSuchElementException();
        last = batch.get(index++);
        return last;
    }

    @Override
    public void close() {
        closed = true;
        batch = List.of();
    }

    private void fetch(int limit) {
        batch = reader.read(last, limit);
        index = 0;
        lastLimit = limit;
        // A short batch is the end: the statement returned everything left in the range.
        exhausted = batch.size() < limit;
        for (StorageRecord record : batch) {
            recordsRead++;
            bytesRead += record.partition().length + record.sort().length + record.value().length;
        }
    }

    private int nextLimit() {
        int doubled = Math.min(MAX_BATCH, lastLimit * 2);
        long averageBytes = Math.max(1, bytesRead / Math.max(1, recordsRead));
        return (int) Math.max(1, Math.min(doubled, TARGET_BATCH_BYTES / averageBytes));
    }
}
