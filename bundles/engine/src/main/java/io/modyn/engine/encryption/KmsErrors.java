package io.modyn.engine.encryption;

import io.modyn.api.crypto.KeyManagerException;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import java.util.UUID;

/**
 * DynamoDB's answers when the key service refuses a table's key, as DynamoDB words them: it wraps
 * KMS's error in its own ({@code KMS key disabled error: ...}, {@code KMS validation error: ...},
 * {@code KMS key access denied error: ...}), with KMS's exception name, message and request id.
 */
final class KmsErrors {

    private KmsErrors() {
    }

    static DynamoException of(KeyManagerException e) {
        String type = e.errorType();
        String kms = "com.amazonaws.services.kms.model." + type + ": " + e.getMessage() + " (Service: AWSKMS; Status Code: 400; Error Code: "
                + type + "; Request ID: " + UUID.randomUUID() + "; Proxy: null)";
        return switch (type) {
            case "DisabledException" -> new DynamoException(ErrorType.VALIDATION, "KMS key disabled error: " + kms);
            case "KMSInvalidStateException" -> new DynamoException(ErrorType.VALIDATION, "KMS key invalid state error: " + kms);
            case "NotFoundException", "ValidationException", "InvalidArnException" ->
                    new DynamoException(ErrorType.VALIDATION, "KMS validation error: " + kms);
            case "KMSInternalException", "DependencyTimeoutException" -> new DynamoException(ErrorType.INTERNAL_SERVER_ERROR, "KMS internal error: " + kms);
            default -> new DynamoException(ErrorType.ACCESS_DENIED, "KMS key access denied error: " + kms);
        };
    }
}
