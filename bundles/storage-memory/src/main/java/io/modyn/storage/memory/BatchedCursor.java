package io.modyn.storage.memory;

import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageRecord;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.concurrent.locks.Lock;

/**
 * Reads a run of records (a view of a keyspace's skip list, in either direction) a batch at a time,
 * each batch under the engine's read lock, so that a batch never holds half of a commit and a
 * reader that stops early copies no more than one batch. Between batches commits go on; the next
 * batch continues strictly after the last key returned, so no record is returned twice.
 */
final class BatchedCursor implements RecordCursor {

    static final RecordCursor EMPTY = new BatchedCursor(null, null);

    private static final int BATCH = 256;

    private final Lock reading;
    private final ArrayDeque<StorageRecord> batch = new ArrayDeque<>();
    private NavigableMap<MemoryKey, byte[]> rest;

    BatchedCursor(NavigableMap<MemoryKey, byte[]> run, Lock reading) {
        this.rest = run;
        this.reading = reading;
    }

    @Override
    public boolean hasNext() {
        if (batch.isEmpty() && rest != null) fill();
        return !batch.isEmpty();
    }

    @Override
    public StorageRecord next() {
        if (!hasNext()) throw new NoSuchElementException();
        return batch.poll();
    }

    @Override
    public void close() {
        batch.clear();
        rest = null;
    }

    private void fill() {
        MemoryKey last = null;
        reading.lock();
        try {
            for (Map.Entry<MemoryKey, byte[]> e : rest.entrySet()) {
                last = e.getKey();
                batch.add(new StorageRecord(last.partition(), last.sort(), e.getValue()));
                if (batch.size() == BATCH) break;
            }
        } finally {
            reading.unlock();
        }
        // A short batch was the end of the run.
        rest = batch.size() < BATCH ? null : rest.tailMap(last, false);
    }
}
