package io.modyn.auth.iam.policy;

/**
 * Where a policy document is attached, which decides which elements it must and must not have:
 * identity-based policies (users, groups, roles, sessions) name no principal; resource-based
 * policies (tables, streams) must; a role's trust policy must name one and names no resource.
 */
public enum PolicyKind {
    /** Inline policies of users, groups and roles, and session policies. */
    IDENTITY,
    /**
     * A managed policy (CreatePolicy, CreatePolicyVersion): as {@link #IDENTITY}, and IAM refuses any
     * Version but 2012-10-17 ("Policy document must be version 2012-10-17 or greater.").
     */
    MANAGED,
    /** A table's or stream's policy (PutResourcePolicy). */
    RESOURCE,
    /** A role's AssumeRolePolicyDocument. */
    TRUST;

    boolean isIdentityBased() {
        return this == IDENTITY || this == MANAGED;
    }
}
