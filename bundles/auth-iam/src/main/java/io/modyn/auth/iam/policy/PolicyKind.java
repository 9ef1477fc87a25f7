package io.modyn.auth.iam.policy;

/**
 * Where a policy document is attached, which decides which elements it must and must not have:
 * identity-based policies (users, groups, roles, sessions) name no principal; resource-based
 * policies (tables, streams) must; a role's trust policy must name one and names no resource.
 */
public enum PolicyKind {
    IDENTITY,
    RESOURCE,
    TRUST
}
