package io.modyn.auth.iam;

import io.modyn.api.auth.Authenticator;
import io.modyn.api.auth.Principal;
import io.modyn.api.auth.SignedRequest;
import io.modyn.auth.iam.sigv4.SigV4Verifier;

/** The {@link Authenticator} service: the request's principal is the owner of the key that signed it. */
final class IamAuthenticator implements Authenticator {

    private final SigV4Verifier verifier;

    IamAuthenticator(SigV4Verifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Principal authenticate(SignedRequest request) {
        return verifier.verify(request).principal();
    }
}
