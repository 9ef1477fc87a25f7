package io.modyn.storage.postgres;

import io.modyn.api.storage.KeyspaceNotFoundException;
import io.modyn.api.storage.StorageException;

/** The SPI's failure for a keyspace that does not exist: not retryable, the request is wrong. */
final class MissingKeyspace {

    private MissingKeyspace() {
    }

    static StorageException of(String keyspace) {
        return new KeyspaceNotFoundException("keyspace " + keyspace + " does not exist");
    }
}
