package io.modyn.auth.iam.authorization;

import io.modyn.auth.iam.policy.PolicyDocument;
import io.modyn.auth.iam.policy.PolicySet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the authorizer needs to know about one caller beyond its {@link io.modyn.api.auth.Principal}:
 * its identity-based policies (inline and managed, its groups' too, or its role's), its session
 * policies, its principal tags and its IAM user name. Built by a {@link CallerPolicies} from
 * policies parsed when they were stored, never per request.
 *
 * <p>Immutable, and compared by identity on purpose: the authorizer caches decisions per caller
 * instance, so a source that returns a new instance once a caller's policies (or tags) changed
 * invalidates every decision cached for the old one at once. A source should hand out the same
 * instance while nothing changed (for at most its own cache time), else nothing is ever cached.
 */
public final class Caller {

    /** The account root: no identity-based policy applies to it. */
    static final Caller ROOT = new Caller(List.of(), null, Map.of(), null, null);

    private final PolicySet policies;
    private final Map<String, String> principalTags;
    private final String userName;
    private final String roleArn;

    /**
     * @param identityPolicies the caller's identity-based policies, parsed with
     *        {@link io.modyn.auth.iam.policy.PolicyKind#IDENTITY} or {@code MANAGED}
     * @param sessionPolicies the session policies of a role or federated session created with them
     *        (they narrow what identity-based policies allow); null for users and sessions without
     * @param principalTags the caller's tags ({@code aws:PrincipalTag/<key>}; keys compare ignoring case)
     * @param userName an IAM user's friendly name ({@code aws:username}); null for other callers
     * @param roleArn a role session's role ARN, with its path (a resource-based policy naming the role
     *        grants its sessions); null for other callers
     */
    public Caller(List<PolicyDocument> identityPolicies, List<PolicyDocument> sessionPolicies, Map<String, String> principalTags,
            String userName, String roleArn) {
        PolicySet set = PolicySet.of(identityPolicies);
        this.policies = sessionPolicies == null ? set : set.withSessionPolicies(sessionPolicies);
        Map<String, String> tags = new HashMap<>();
        principalTags.forEach((key, value) -> tags.put(key.toLowerCase(Locale.ROOT), value));
        this.principalTags = Map.copyOf(tags);
        this.userName = userName;
        this.roleArn = roleArn;
    }

    /** An IAM user with no policies at all (default deny everywhere). */
    public static Caller userWithoutPolicies(String userName) {
        return new Caller(List.of(), null, Map.of(), userName, null);
    }

    /** Identity-based and session policies, without any resource's policy. */
    public PolicySet policies() {
        return policies;
    }

    /** @param lowerCaseKey a tag key in lower case; @return its value, or null */
    String principalTag(String lowerCaseKey) {
        return principalTags.get(lowerCaseKey);
    }

    String userName() {
        return userName;
    }

    String roleArn() {
        return roleArn;
    }
}
