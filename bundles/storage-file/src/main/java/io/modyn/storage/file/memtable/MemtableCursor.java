package io.modyn.storage.file.memtable;

import io.modyn.storage.file.record.OrderedKey;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageRecord;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Records of a memtable view, read lazily. The skip list's iterators are weakly consistent: a
 * cursor never fails on concurrent writes and sees each record whole, either before or after a
 * concurrent commit changed it.
 */
final class MemtableCursor implements RecordCursor {

    private final Iterator<Map.Entry<OrderedKey, byte[]>> entries;
    private boolean closed;

    MemtableCursor(Iterator<Map.Entry<OrderedKey, byte[]>> entries) {
        this.entries = entries;
    }

    static RecordCursor empty() {
        return new MemtableCursor(Collections.emptyIterator());
    }

    @Override
    public boolean hasNext() {
        return !closed && entries.hasNext();
    }

    @Override
    public StorageRecord next() {
        if (closed) throw new NoSuchElementException("cursor is closed");
        Map.Entry<OrderedKey, byte[]> entry = entries.next();
        OrderedKey key = entry.getKey();
        return new StorageRecord(key.partition(), key.sort(), entry.getValue());
    }

    @Override
    public void close() {
        closed = true;
    }
}
