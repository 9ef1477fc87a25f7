package io.modyn.api.storage;

/**
 * A storage failure. {@link #retryable()} says whether the same request may succeed if sent again
 * (the backend is stopping or unreachable, a lock wait timed out, a serialization conflict);
 * the engine answers retryable failures with a retryable DynamoDB error.
 */
public class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public StorageException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public StorageException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() { return retryable; }
}
