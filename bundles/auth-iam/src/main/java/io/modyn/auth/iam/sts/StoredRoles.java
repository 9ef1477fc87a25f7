package io.modyn.auth.iam.sts;

import io.modyn.auth.iam.identity.IamRole;
import io.modyn.auth.iam.identity.RoleStore;
import java.util.Optional;

/**
 * The roles of IAM's role store, as {@code AssumeRole} finds them: by an ARN naming this account,
 * the role's path and its name exactly as stored. Read from storage at every call, so a changed
 * trust policy applies to the next AssumeRole on every node.
 */
public final class StoredRoles implements AssumableRoles {

    private final RoleStore roles;
    private final String accountId;

    public StoredRoles(RoleStore roles, String accountId) {
        this.roles = roles;
        this.accountId = accountId;
    }

    @Override
    public Optional<AssumableRole> find(String roleArn) {
        if (!roleArn.startsWith("arn:aws:iam::" + accountId + ":role/")) return Optional.empty();
        String name = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        return roles.findRole(name).filter(role -> role.arn(accountId).equals(roleArn)).map(this::assumable);
    }

    private AssumableRole assumable(IamRole role) {
        return new AssumableRole(role.name(), role.arn(accountId), role.roleId(), role.assumeRolePolicyDocument(),
                role.maxSessionDuration(), role.tags());
    }
}
