package io.modyn.auth.iam.credentials;

/**
 * Finds the credential an access key id names. Today only the account's root key exists
 * ({@link RootCredentials}); IAM users' keys and STS session credentials will be further lookups
 * behind this same interface.
 */
@FunctionalInterface
public interface CredentialLookup {

    /** @return the credential with this access key id, or null if there is none */
    Credential find(String accessKeyId);
}
