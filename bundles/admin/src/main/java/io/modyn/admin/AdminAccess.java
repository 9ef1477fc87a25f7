package io.modyn.admin;

import com.sun.net.httpserver.HttpExchange;
import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.auth.Authenticator;
import io.modyn.api.auth.Authorizer;
import io.modyn.api.auth.Principal;
import io.modyn.api.auth.ResourcePolicies;
import io.modyn.api.auth.SignedRequest;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.model.DynamoException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Who may use the admin endpoint once the server authenticates requests (bundle auth-iam,
 * {@code bin/modyn --auth iam}). The endpoint installs and starts code, so the token, which any
 * process of the server's user can read, is not enough there: every request must also carry a
 * Signature Version 4 (service {@value #SIGNING_SERVICE}) that the bound {@link Authenticator}
 * accepts, and the signer must be the account root, or be allowed the request's {@code modyn:*}
 * action by the bound {@link Authorizer}. Without an authorizer only the root gets in.
 *
 * <p>Mirrors the wire protocol's {@code authenticationRequired}: when the configuration says
 * authentication is on but no authenticator is bound (yet, or during a bundle update), requests
 * are answered 503, never served on the token alone. With no authentication configured and none
 * bound, the token alone admits (and a signature, if sent, is not looked at).
 *
 * <p>Resources are {@code *} for listing and installing, else the bundle's ARN,
 * {@code arn:aws:modyn:<region>:<account>:bundle/<symbolic name>} (the id for a bundle without
 * one), so that a policy can allow or deny single bundles whichever way a request names them.
 */
final class AdminAccess {

    /** The service an admin request's signature is scoped to, and the prefix of its actions. */
    static final String SIGNING_SERVICE = "modyn";

    private static final Logger LOG = Logger.getLogger(AdminAccess.class.getName());

    private final Supplier<Authenticator> authenticator;
    private final Supplier<Authorizer> authorizer;
    private final boolean required;
    private final String region;

    AdminAccess(Supplier<Authenticator> authenticator, Supplier<Authorizer> authorizer, boolean required, String region) {
        this.authenticator = authenticator;
        this.authorizer = authorizer;
        this.required = required;
        this.region = region;
    }

    /** No authentication: the token alone admits (for tests and servers without auth-iam). */
    static AdminAccess tokenOnly() {
        return new AdminAccess(() -> null, () -> null, false, AdminConfiguration.DEFAULT_REGION);
    }

    /**
     * @return the principal that signed the request, or null when requests are not authenticated
     * @throws AdminException 403 for an unsigned request or a refused signature, 503 while the
     *         required authenticator is missing or cannot answer now
     */
    Principal authenticate(HttpExchange exchange) throws AdminException {
        Authenticator bound = authenticator.get();
        if (bound == null) {
            if (required) {
                throw new AdminException(AdminException.SERVICE_UNAVAILABLE, "Authentication is not available yet"
                        + " (the server runs with --auth iam, its authenticator is not bound); retry the request");
            }
            return null;
        }
        SignedRequest request = new ExchangeSignedRequest(exchange);
        if (!isSigned(request)) {
            throw new AdminException(AdminException.FORBIDDEN, "This server authenticates requests (--auth iam):"
                    + " an admin request must also carry a Signature Version 4 (service '" + SIGNING_SERVICE
                    + "') of the account root. bin/modyn-admin signs with MODYN_ROOT_ACCESS_KEY_ID and"
                    + " MODYN_ROOT_SECRET_ACCESS_KEY, or the data directory's root-credentials file");
        }
        try {
            return bound.authenticate(request);
        } catch (DynamoException e) {
            // The scope errors do not name what is expected; the operator needs it (bin/modyn-admin --region).
            String message = e.getMessage() == null ? "" : e.getMessage().trim();
            String scope = message.contains("scoped")
                    ? " This endpoint takes signatures for region '" + region + "', service '" + SIGNING_SERVICE + "'." : "";
            throw new AdminException(e.type().retryable() ? AdminException.SERVICE_UNAVAILABLE : AdminException.FORBIDDEN,
                    "Signature refused (" + e.type().wireName() + "): " + message + scope, e);
        } catch (RuntimeException e) {
            throw failed("authenticator", e);
        }
    }

    /**
     * Fails unless {@code principal} may carry out {@code request}: the account root may do
     * anything, anyone else what the authorizer allows.
     *
     * @param principal what {@link #authenticate} returned; null admits (no authentication)
     * @param bundleName the symbolic name (or id) of the bundle the request is about, asked only
     *        for requests about one bundle and only when an authorizer is asked
     */
    void authorize(Principal principal, HttpExchange exchange, AdminRequest request, Supplier<String> bundleName)
            throws AdminException {
        if (principal == null || isRoot(principal)) {
            return;
        }
        String action = request.action().iamAction();
        Authorizer bound = authorizer.get();
        if (bound == null) {
            throw new AdminException(AdminException.FORBIDDEN, "User: " + principal.arn() + " is not authorized to"
                    + " perform: " + action + ": only the account root may use the admin endpoint while no"
                    + " authorizer is bound");
        }
        String resource = request.target() == null ? "*" : bundleArn(principal.accountId(), bundleName.get());
        try {
            bound.authorize(context(principal, exchange), List.of(new AuthorizationRequest(action, resource)),
                    resourceArn -> Map.of(), ResourcePolicies.NONE);
        } catch (DynamoException e) {
            throw new AdminException(e.type().retryable() ? AdminException.SERVICE_UNAVAILABLE : AdminException.FORBIDDEN,
                    e.getMessage(), e);
        } catch (RuntimeException e) {
            throw failed("authorizer", e);
        }
    }

    /** A broken authenticator or authorizer refuses (never admits), and says where to look. */
    private static AdminException failed(String what, RuntimeException e) {
        LOG.log(Level.WARNING, "The " + what + " failed on an admin request; the request is refused", e);
        return new AdminException(AdminException.SERVICE_UNAVAILABLE, "The " + what + " failed; see the server log");
    }

    String bundleArn(String accountId, String bundleName) {
        return "arn:aws:" + SIGNING_SERVICE + ":" + region + ":" + accountId + ":bundle/" + bundleName;
    }

    static boolean isRoot(Principal principal) {
        return principal.arn().equals("arn:aws:iam::" + principal.accountId() + ":root");
    }

    /** Signed in the Authorization header or presigned in the query, as the wire protocol tells them. */
    private static boolean isSigned(SignedRequest request) {
        List<String> authorization = request.headers("Authorization");
        return (!authorization.isEmpty() && authorization.get(0).trim().startsWith("AWS4-"))
                || request.query().contains("X-Amz-Algorithm=");
    }

    private static RequestContext context(Principal principal, HttpExchange exchange) {
        InetSocketAddress remote = exchange.getRemoteAddress();
        String sourceIp = remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
        return new RequestContext(UUID.randomUUID().toString(), principal, sourceIp, false,
                exchange.getRequestHeaders().getFirst("User-Agent"));
    }
}
