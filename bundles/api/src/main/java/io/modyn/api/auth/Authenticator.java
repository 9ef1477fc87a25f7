package io.modyn.api.auth;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Establishes who sent a request. When an authenticator service is registered, the wire protocol
 * calls it for every request; without one the server accepts any well-formed Authorization header.
 */
@ConsumerType
public interface Authenticator {

    /**
     * @return the principal the request is signed by
     * @throws io.modyn.api.model.DynamoException with DynamoDB's authentication error type
     *         ({@code MissingAuthenticationTokenException}, {@code InvalidSignatureException},
     *         {@code UnrecognizedClientException}, ...)
     */
    Principal authenticate(SignedRequest request);
}
