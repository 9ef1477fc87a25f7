package io.modyn.api.storage;

/**
 * A transaction could not take a record lock in time, or the backend detected a conflicting
 * transaction. Nothing of the transaction was applied; it may be retried.
 */
public class StorageConflictException extends StorageException {

    private static final long serialVersionUID = 1L;

    public StorageConflictException(String message) {
        super(message, true);
    }

    public StorageConflictException(String message, Throwable cause) {
        super(message, cause, true);
    }
}
