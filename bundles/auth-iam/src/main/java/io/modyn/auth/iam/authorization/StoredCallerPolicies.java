package io.modyn.auth.iam.authorization;

import io.modyn.api.auth.Principal;
import io.modyn.auth.iam.identity.IamRole;
import io.modyn.auth.iam.identity.IamUser;
import io.modyn.auth.iam.identity.IdentityPolicies;
import io.modyn.auth.iam.identity.IdentityStore;
import io.modyn.auth.iam.identity.SessionCache;
import io.modyn.auth.iam.identity.SessionInfo;
import io.modyn.auth.iam.policy.PolicyDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The callers' policies as IAM stores them: an IAM user's (its own and its groups', its tags), a
 * role session's (its role's policies and tags, the session's policies and tags, which override
 * the role's), a GetSessionToken session's (its user's). Each caller's answer is kept for at most
 * {@code maxAge} (at most a second, like the stores' own caches) and then built again; while it
 * comes out the same, the same {@link Caller} instance is returned, so the authorizer's cached
 * decisions stay valid, and a changed policy or tag yields a new instance that invalidates them.
 */
public final class StoredCallerPolicies implements CallerPolicies {

    private static final int MAX_ENTRIES = 10_000;

    /** What a caller's policies are made of; compared to decide whether the Caller changed. */
    private record Inputs(List<PolicyDocument> identity, List<PolicyDocument> session, Map<String, String> tags, String userName,
                          String roleArn) {
    }

    private record Entry(Inputs inputs, Caller caller, long loadedAt) {
    }

    private final IdentityStore identities;
    private final IdentityPolicies policies;
    private final SessionCache sessions;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public StoredCallerPolicies(IdentityStore identities, IdentityPolicies policies, SessionCache sessions, Duration maxAge,
                                LongSupplier nanoTime) {
        if (maxAge.isNegative() || maxAge.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("a caller's policies may be kept between 0 and 1 s, not " + maxAge);
        }
        this.identities = identities;
        this.policies = policies;
        this.sessions = sessions;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public Caller of(Principal principal) {
        // An access key belongs to one user or one session: it names the caller without building a key per request.
        String key = principal.accessKeyId();
        long now = nanoTime.getAsLong();
        Entry entry = entries.get(key);
        if (entry != null && now - entry.loadedAt() <= maxAgeNanos) return entry.caller();
        Inputs inputs = inputs(principal);
        Caller caller = entry != null && sameInputs(entry.inputs(), inputs) ? entry.caller()
                : new Caller(inputs.identity(), inputs.session(), inputs.tags(), inputs.userName(), inputs.roleArn());
        if (entries.size() >= MAX_ENTRIES) entries.clear();
        entries.put(key, new Entry(inputs, caller, now));
        return caller;
    }

    private Inputs inputs(Principal principal) {
        Optional<SessionInfo> session = sessions.findSession(principal.accessKeyId());
        if (session.isPresent() && session.get().roleArn() != null) return roleSession(session.get());
        String userName = CallerPolicies.userNameOf(principal.arn());
        if (userName == null) return new Inputs(List.of(), null, Map.of(), null, null);
        Map<String, String> tags = identities.findUser(userName).map(IamUser::tags).orElse(Map.of());
        return new Inputs(policies.forUser(userName), null, tags, userName, null);
    }

    /** A role's policies and tags, narrowed by the session's policies; session tags override the role's. */
    private Inputs roleSession(SessionInfo session) {
        String roleName = session.name();
        Map<String, String> tags = new LinkedHashMap<>(identities.roleStore().findRole(roleName).map(IamRole::tags).orElse(Map.of()));
        tags.putAll(session.tags());
        List<PolicyDocument> sessionPolicies = null;
        if (session.hasSessionPolicies()) {
            sessionPolicies = new ArrayList<>(session.sessionPolicies());
            sessionPolicies.addAll(policies.managed(session.session().policyArns()));
        }
        return new Inputs(policies.forRole(roleName), sessionPolicies, Map.copyOf(tags), null, session.roleArn());
    }

    /** The same parsed documents (the stores reuse a document while its text is unchanged) and the same tags. */
    private static boolean sameInputs(Inputs a, Inputs b) {
        return sameDocuments(a.identity(), b.identity()) && sameDocuments(a.session(), b.session()) && a.tags().equals(b.tags())
                && Objects.equals(a.userName(), b.userName()) && Objects.equals(a.roleArn(), b.roleArn());
    }

    private static boolean sameDocuments(List<PolicyDocument> a, List<PolicyDocument> b) {
        if (a == null || b == null) return a == b;
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) return false;
        }
        return true;
    }
}
