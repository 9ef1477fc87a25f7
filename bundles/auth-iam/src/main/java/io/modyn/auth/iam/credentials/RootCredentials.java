package io.modyn.auth.iam.credentials;

import io.modyn.api.auth.Principal;

/** The account root's access key: the one identity that exists before IAM users do. */
public final class RootCredentials implements CredentialLookup {

    private final Credential root;

    public RootCredentials(String accountId, String accessKeyId, String secretAccessKey) {
        this.root = new Credential(accessKeyId, secretAccessKey, rootPrincipal(accountId, accessKeyId));
    }

    /** The account root as AWS names it: {@code arn:aws:iam::<account>:root}. */
    public static Principal rootPrincipal(String accountId, String accessKeyId) {
        return new Principal(accountId, "arn:aws:iam::" + accountId + ":root", accessKeyId, accountId);
    }

    @Override
    public Credential find(String accessKeyId) {
        return root.accessKeyId().equals(accessKeyId) ? root : null;
    }

    public Credential root() {
        return root;
    }
}
