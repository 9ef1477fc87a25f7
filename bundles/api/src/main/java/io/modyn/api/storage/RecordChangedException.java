package io.modyn.api.storage;

/**
 * A commit was refused because a record it was conditional on ({@link StorageTransaction#requireUnchanged})
 * no longer held the expected value. Nothing was applied. A conflict like any other, so retrying
 * is safe, but a retry must first re-read what the transaction was computed from.
 */
public class RecordChangedException extends StorageConflictException {

    private static final long serialVersionUID = 1L;

    public RecordChangedException(String message) {
        super(message);
    }
}
