package io.modyn.kms.keys;

import io.modyn.api.crypto.KeyManagerException;

/** AWS KMS's error types with the messages it sends, in one place. */
public final class KmsErrors {

    private KmsErrors() {
    }

    public static KeyManagerException keyNotFound(String arn) {
        return new KeyManagerException("NotFoundException", "Key '" + arn + "' does not exist");
    }

    public static KeyManagerException invalidKeyId(String keyId) {
        return new KeyManagerException("NotFoundException", "Invalid keyId " + keyId);
    }

    public static KeyManagerException aliasNotFound(String aliasArn) {
        return new KeyManagerException("NotFoundException", "Alias " + aliasArn + " is not found.");
    }

    public static KeyManagerException disabled(String arn) {
        return new KeyManagerException("DisabledException", arn + " is disabled.");
    }

    public static KeyManagerException pendingDeletion(String arn) {
        return new KeyManagerException("KMSInvalidStateException", arn + " is pending deletion.");
    }

    public static KeyManagerException notPendingDeletion(String arn) {
        return new KeyManagerException("KMSInvalidStateException", arn + " is not pending deletion.");
    }

    public static KeyManagerException invalidCiphertext() {
        return new KeyManagerException("InvalidCiphertextException", null);
    }

    public static KeyManagerException incorrectKey() {
        return new KeyManagerException("IncorrectKeyException",
                "The key ID in the request does not identify a CMK that can perform this operation.");
    }

    public static KeyManagerException validation(String message) {
        return new KeyManagerException("ValidationException", message);
    }

    /** AWS's form for a member outside its constraint: "1 validation error detected: Value 'v' at 'member' failed to satisfy constraint: ...". */
    public static KeyManagerException constraint(Object value, String member, String constraint) {
        return validation("1 validation error detected: Value '" + value + "' at '" + member + "' failed to satisfy constraint: " + constraint);
    }

    /** A required member that is absent: "1 validation error detected: Value null at 'member' failed to satisfy constraint: Member must not be null". */
    public static KeyManagerException missing(String member) {
        return validation("1 validation error detected: Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
    }

    public static KeyManagerException aliasExists(String aliasArn) {
        return new KeyManagerException("AlreadyExistsException", "An alias with the name " + aliasArn + " already exists");
    }

    public static KeyManagerException internal(String message) {
        return new KeyManagerException("KMSInternalException", message);
    }

    public static KeyManagerException unsupported(String message) {
        return new KeyManagerException("UnsupportedOperationException", message);
    }
}
