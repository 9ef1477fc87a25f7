package io.modyn.kms.keys;

/** The root key does not open what storage holds: a replaced or wrong key file. Nothing was written. */
public final class RootKeyMismatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RootKeyMismatchException(String message) {
        super(message);
    }
}
