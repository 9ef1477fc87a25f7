package io.modyn.api.crypto;

/**
 * A refusal of the key service, named by AWS KMS's error type ({@code NotFoundException},
 * {@code DisabledException}, {@code KMSInvalidStateException}, {@code InvalidCiphertextException},
 * {@code IncorrectKeyException}, {@code ValidationException}, {@code KMSInternalException}, ...),
 * with KMS's message. The message never holds key material.
 */
public class KeyManagerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String errorType;

    public KeyManagerException(String errorType, String message) {
        super(message);
        this.errorType = errorType;
    }

    /** AWS KMS's error type, as in the {@code __type} of its JSON errors. */
    public String errorType() {
        return errorType;
    }
}
