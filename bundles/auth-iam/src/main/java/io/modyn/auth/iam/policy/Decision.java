package io.modyn.auth.iam.policy;

/**
 * The evaluator's answer and which of AWS's cases gave it, so that the caller can word the
 * AccessDeniedException as AWS does ({@link AccessDeniedMessage}).
 */
public enum Decision {
    /** An identity-based or the resource-based policy allows, and no policy denies. */
    ALLOWED,
    /** A Deny statement in one of the caller's identity-based policies applies. */
    EXPLICIT_DENY_IDENTITY_POLICY,
    /** A Deny statement in the resource-based policy applies. */
    EXPLICIT_DENY_RESOURCE_POLICY,
    /** A Deny statement in a session policy applies. */
    EXPLICIT_DENY_SESSION_POLICY,
    /** Nothing denies, but nothing allows either (implicit deny). */
    NO_IDENTITY_POLICY_ALLOWS,
    /** Identity-based policies allow, but the session's policies do not (they only narrow). */
    NO_SESSION_POLICY_ALLOWS,
    /** A required resource-based policy (a KMS key policy) neither allows the caller nor its account. */
    NO_RESOURCE_POLICY_ALLOWS;

    /** Whether a policy's Deny statement gave it. */
    public boolean isExplicitDeny() {
        return this == EXPLICIT_DENY_IDENTITY_POLICY || this == EXPLICIT_DENY_RESOURCE_POLICY || this == EXPLICIT_DENY_SESSION_POLICY;
    }

    public boolean isAllowed() {
        return this == ALLOWED;
    }
}
