package io.modyn.auth.iam;

import io.modyn.api.auth.Authenticator;
import io.modyn.api.auth.Principal;
import io.modyn.api.auth.SignedRequest;
import io.modyn.auth.iam.credentials.Credential;
import io.modyn.auth.iam.sigv4.SigV4Verifier;
import java.util.function.Supplier;

/**
 * The {@link Authenticator} service: the request's principal is the owner of the key that signed
 * it. A request signed with an IAM user's long-term key is reported to {@code usage} (the key's
 * last use); temporary keys have no last use to record.
 */
final class IamAuthenticator implements Authenticator {

    /** Told of each request an IAM user's key signed, with the service it was signed for (read only when needed). */
    @FunctionalInterface
    interface AccessKeyUsage {
        void used(String accessKeyId, Supplier<String> service);
    }

    private final SigV4Verifier verifier;
    private final AccessKeyUsage usage;

    IamAuthenticator(SigV4Verifier verifier, AccessKeyUsage usage) {
        this.verifier = verifier;
        this.usage = usage;
    }

    @Override
    public Principal authenticate(SignedRequest request) {
        Credential credential = verifier.verify(request);
        Principal principal = credential.principal();
        if (!credential.isTemporary() && !principal.arn().endsWith(":root")) {
            usage.used(credential.accessKeyId(), () -> SigV4Verifier.signedService(request));
        }
        return principal;
    }
}
