package io.modyn.api.storage;

/**
 * An operation named a keyspace that does not exist (any more). Not retryable as such; the
 * engine reads it as "the table this node knew of was dropped, possibly through another node".
 */
public class KeyspaceNotFoundException extends StorageException {

    private static final long serialVersionUID = 1L;

    public KeyspaceNotFoundException(String message) {
        super(message, false);
    }

    public KeyspaceNotFoundException(String message, Throwable cause) {
        super(message, cause, false);
    }
}
