package io.modyn.auth.iam.policy;

import java.util.List;
import java.util.Objects;

/**
 * The policies that bear on one request: the caller's identity-based policies (its inline and
 * managed policies and its groups', or a role's), the session policies of a role session (absent
 * for users; present, even empty, for a session created with them) and the resource's policy, if
 * any. Immutable; a caller may keep one per principal and swap it when a policy changes.
 */
public final class PolicySet {

    private final PolicyDocument[] identity;
    private final PolicyDocument[] session;
    private final PolicyDocument resource;
    private final boolean resourceRequired;
    private final boolean requestDependent;

    private PolicySet(PolicyDocument[] identity, PolicyDocument[] session, PolicyDocument resource, boolean resourceRequired) {
        this.identity = identity;
        this.session = session;
        this.resource = resource;
        this.resourceRequired = resourceRequired;
        boolean dependent = resource != null && resource.isRequestDependent();
        for (PolicyDocument p : identity) {
            dependent |= p.isRequestDependent();
        }
        if (session != null) {
            for (PolicyDocument p : session) {
                dependent |= p.isRequestDependent();
            }
        }
        this.requestDependent = dependent;
    }

    public static PolicySet of(List<PolicyDocument> identityPolicies) {
        return new PolicySet(identityPolicies.toArray(new PolicyDocument[0]), null, null, false);
    }

    /** Session policies limit the session to what they also allow. */
    public PolicySet withSessionPolicies(List<PolicyDocument> sessionPolicies) {
        return new PolicySet(identity, sessionPolicies.toArray(new PolicyDocument[0]), resource, resourceRequired);
    }

    /** A resource-based policy that grants besides identity-based policies, as a DynamoDB table's or stream's. */
    public PolicySet withResourcePolicy(PolicyDocument resourcePolicy) {
        return withResourcePolicy(resourcePolicy, false);
    }

    /**
     * @param required whether access needs the policy's allow, as a KMS key policy's: identity-based
     *        policies count only where it allows the caller's account, and a caller it names needs none
     */
    public PolicySet withResourcePolicy(PolicyDocument resourcePolicy, boolean required) {
        return new PolicySet(identity, session, Objects.requireNonNull(resourcePolicy), required);
    }

    PolicyDocument[] identity() {
        return identity;
    }

    /** null when the principal is not a session created with session policies */
    PolicyDocument[] session() {
        return session;
    }

    PolicyDocument resource() {
        return resource;
    }

    boolean resourceRequired() {
        return resourceRequired;
    }

    /** See {@link PolicyDocument#isRequestDependent()}: false means decisions may be cached. */
    public boolean isRequestDependent() {
        return requestDependent;
    }
}
