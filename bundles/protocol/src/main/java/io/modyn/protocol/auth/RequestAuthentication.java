package io.modyn.protocol.auth;

import io.modyn.api.auth.Authenticator;
import io.modyn.api.auth.Principal;
import io.modyn.api.auth.SignedRequest;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Decides who sent a request, in DynamoDB's order of checks.
 *
 * <p>A request carries its SigV4 signature either in the {@code Authorization} header or, when
 * presigned, in {@code X-Amz-*} query parameters; both at once, or neither, is refused here
 * whatever authenticator is bound. Then, if an {@link Authenticator} service is bound, it verifies
 * the signature and names the principal. Without one the server runs open: a complete, well-formed
 * signature is accepted with any credentials (as local DynamoDB emulators do) and the principal is
 * null.
 */
public final class RequestAuthentication {

    private final Supplier<Authenticator> authenticator;
    private final boolean required;

    /** {@code required}: never serve open; without a bound authenticator requests are told to retry. */
    public RequestAuthentication(Supplier<Authenticator> authenticator, boolean required) {
        this.authenticator = authenticator;
        this.required = required;
    }

    /** Whether requests are served open now: no authenticator is bound and none is required. */
    public boolean open() {
        if (authenticator.get() != null) return false;
        if (required) throw notReady();
        return true;
    }

    private static DynamoException notReady() {
        return DynamoException.unavailable("Authentication is not available yet; retry the request");
    }

    /**
     * @return the principal, or null when no authenticator is bound
     * @throws DynamoException MissingAuthenticationToken, IncompleteSignature, InvalidSignature, or
     *         whatever the bound authenticator decides
     */
    public Principal authenticate(SignedRequest request) {
        List<String> authorizations = request.headers("Authorization");
        String authorization = authorizations.isEmpty() ? null : authorizations.get(0);
        Map<String, String> query = QueryParameters.parse(request.query());
        boolean presigned = query.containsKey("X-Amz-Algorithm");
        if (authorization != null && presigned) {
            throw new DynamoException(ErrorType.INVALID_SIGNATURE,
                    "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
        }
        if ((authorization == null && !presigned) || (authorization != null && !authorization.trim().startsWith("AWS4-"))) {
            throw new DynamoException(ErrorType.MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token");
        }
        Authenticator bound = authenticator.get();
        if (bound != null) {
            return bound.authenticate(request);
        }
        if (required) {
            // The authenticator went away (a bundle update) after the request was admitted: never serve it open.
            throw notReady();
        }
        if (authorization != null) {
            SignatureFormat.checkHeader(authorization, request);
        } else {
            SignatureFormat.checkQuery(query);
        }
        return null;
    }
}
