package io.modyn.export.store;

import java.io.IOException;

/** An object store refused a request; {@code code} is what a job reports as its FailureCode (S3's error code). */
public final class ObjectStoreException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public ObjectStoreException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
