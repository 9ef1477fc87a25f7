package io.modyn.storage.file.record;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A record iterator over a list, for tests: remembers whether it was closed. */
public final class ListRecordIterator implements RecordIterator {

    private final Iterator<VersionedRecord> records;
    private int closeCount;

    public ListRecordIterator(List<VersionedRecord> records) {
        this.records = new ArrayList<>(records).iterator();
    }

    public static ListRecordIterator of(VersionedRecord... records) {
        return new ListRecordIterator(List.of(records));
    }

    public boolean closed() {
        return closeCount > 0;
    }

    public int closeCount() {
        return closeCount;
    }

    @Override
    public boolean hasNext() {
        return records.hasNext();
    }

    @Override
    public VersionedRecord next() {
        return records.next();
    }

    @Override
    public void close() {
        closeCount++;
    }
}
