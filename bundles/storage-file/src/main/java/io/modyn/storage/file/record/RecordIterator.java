package io.modyn.storage.file.record;

import java.util.Iterator;

/**
 * Versions of records in key order (or reverse key order), at most one per key, read lazily. The
 * caller must close it: an iterator over a sorted table holds a reference that keeps the file from
 * being deleted. Not thread-safe.
 */
public interface RecordIterator extends Iterator<VersionedRecord>, AutoCloseable {

    @Override
    void close();
}
