package io.modyn.metrics;

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
 * Who may scrape, when the operator asks for signed scrapes ({@code signatureRequired}, with the
 * auth-iam bundle): every request must then carry a Signature Version 4 for service
 * {@value #SIGNING_SERVICE} that the bound {@link Authenticator} accepts, by the account root or by
 * a principal the bound {@link Authorizer} allows {@value #ACTION} on {@code *}. Until an
 * authenticator is bound, requests are answered 503, never served unsigned. Without
 * {@code signatureRequired} the endpoint is open to whoever reaches it (loopback by default), as a
 * Prometheus endpoint usually is.
 */
final class ScrapeAccess {

    static final String SIGNING_SERVICE = "modyn";
    static final String ACTION = "modyn:GetMetrics";

    private static final Logger LOG = Logger.getLogger(ScrapeAccess.class.getName());

    private final Supplier<Authenticator> authenticator;
    private final Supplier<Authorizer> authorizer;
    private final boolean required;

    ScrapeAccess(Supplier<Authenticator> authenticator, Supplier<Authorizer> authorizer, boolean required) {
        this.authenticator = authenticator;
        this.authorizer = authorizer;
        this.required = required;
    }

    static ScrapeAccess open() {
        return new ScrapeAccess(() -> null, () -> null, false);
    }

    boolean required() {
        return required;
    }

    /** Fails unless signatures are not required, or the request is signed by someone allowed to scrape. */
    void check(HttpExchange exchange) throws ScrapeRefusal {
        if (!required) return;
        Authenticator bound = authenticator.get();
        if (bound == null) {
            throw new ScrapeRefusal(ScrapeRefusal.SERVICE_UNAVAILABLE,
                    "Signed scrapes are required and no authenticator is bound yet; retry the request");
        }
        SignedRequest request = new ExchangeSignedRequest(exchange);
        if (!isSigned(request)) {
            throw new ScrapeRefusal(ScrapeRefusal.FORBIDDEN, "This endpoint requires a Signature Version 4 (service '"
                    + SIGNING_SERVICE + "') by the account root or a principal allowed " + ACTION);
        }
        Principal principal;
        try {
            principal = bound.authenticate(request);
        } catch (DynamoException e) {
            throw new ScrapeRefusal(e.type().retryable() ? ScrapeRefusal.SERVICE_UNAVAILABLE : ScrapeRefusal.FORBIDDEN,
                    "Signature refused (" + e.type().wireName() + "): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw failed("authenticator", e);
        }
        if (isRoot(principal)) return;
        Authorizer decider = authorizer.get();
        if (decider == null) {
            throw new ScrapeRefusal(ScrapeRefusal.FORBIDDEN, "User: " + principal.arn() + " is not authorized to perform: "
                    + ACTION + ": only the account root may scrape while no authorizer is bound");
        }
        try {
            decider.authorize(context(principal, exchange), List.of(new AuthorizationRequest(ACTION, "*")),
                    resourceArn -> Map.of(), ResourcePolicies.NONE);
        } catch (DynamoException e) {
            throw new ScrapeRefusal(e.type().retryable() ? ScrapeRefusal.SERVICE_UNAVAILABLE : ScrapeRefusal.FORBIDDEN,
                    e.getMessage(), e);
        } catch (RuntimeException e) {
            throw failed("authorizer", e);
        }
    }

    /** A broken authenticator or authorizer refuses (never admits), and says where to look. */
    private static ScrapeRefusal failed(String what, RuntimeException e) {
        LOG.log(Level.WARNING, "The " + what + " failed on a metrics request; the request is refused", e);
        return new ScrapeRefusal(ScrapeRefusal.SERVICE_UNAVAILABLE, "The " + what + " failed; see the server log");
    }

    private static boolean isRoot(Principal principal) {
        return principal.arn().equals("arn:aws:iam::" + principal.accountId() + ":root");
    }

    /** Signed in the Authorization header or presigned in the query. */
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
