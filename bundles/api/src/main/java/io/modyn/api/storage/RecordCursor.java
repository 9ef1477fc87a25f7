package io.modyn.api.storage;

import java.util.Iterator;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Records in key order (or reverse key order for a descending query), read lazily. The caller
 * stops whenever it has enough and must close the cursor. Not thread-safe.
 */
@ProviderType
public interface RecordCursor extends Iterator<StorageRecord>, AutoCloseable {

    @Override
    void close();
}
