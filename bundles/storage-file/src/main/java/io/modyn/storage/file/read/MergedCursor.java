package io.modyn.storage.file.read;

import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageRecord;
import io.modyn.storage.file.record.OrderedKey;
import io.modyn.storage.file.record.RecordIterator;
import io.modyn.storage.file.record.VersionedRecord;
import java.util.NoSuchElementException;

/**
 * The SPI's cursor over a merge of sources that already hides tombstones: each newest live
 * version becomes a {@link StorageRecord}. Closing it closes the merge, which releases the sorted
 * tables the merge reads; a closed cursor yields nothing more.
 */
final class MergedCursor implements RecordCursor {

    private final RecordIterator merged;
    private boolean closed;

    MergedCursor(RecordIterator merged) {
        this.merged = merged;
    }

    @Override
    public boolean hasNext() {
        return !closed && merged.hasNext();
    }

    @Override
    public StorageRecord next() {
        if (closed) throw new NoSuchElementException("cursor is closed");
        VersionedRecord record = merged.next();
        OrderedKey key = record.key();
        return new StorageRecord(key.partition(), key.sort(), record.value());
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        merged.close();
    }
}
