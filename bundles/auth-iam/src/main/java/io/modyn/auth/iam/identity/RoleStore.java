package io.modyn.auth.iam.identity;

import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.auth.iam.identity.IdentityException.Reason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * IAM roles, in partition {@code role} of the identity keyspace (sort key: the name in lower
 * case). Every change locks the role's record, so two nodes on one database never create one role
 * twice or lose one another's change. The trust policy is stored as given; the IAM API checks it
 * before it gets here. {@link #findRole} is one storage read, for STS and the authorizer to call
 * behind their caches.
 */
public final class RoleStore {

    /** AWS's default quota of roles in an account. */
    public static final int MAX_ROLES = 1000;

    static final byte[] ROLES = IdentityKeyspace.ascii("role");

    private final IdentityKeyspace keyspace;

    RoleStore(IdentityKeyspace keyspace) {
        this.keyspace = keyspace;
    }

    public IamRole createRole(String name, String path, String assumeRolePolicyDocument, String description, int maxSessionDuration,
                              Map<String, String> tags) {
        IamRole role = new IamRole(name, path, keyspace.newId("AROA"), keyspace.now(), assumeRolePolicyDocument, description,
                maxSessionDuration, tags);
        try (StorageTransaction tx = keyspace.writable().begin()) {
            if (tx.getForUpdate(IdentityKeyspace.NAME, ROLES, IdentityKeyspace.nameKey(name)) != null) {
                throw new IdentityException(Reason.ALREADY_EXISTS, "Role with name " + name + " already exists.");
            }
            if (count() >= MAX_ROLES) {
                throw new IdentityException(Reason.LIMIT_EXCEEDED, "Cannot exceed quota for RolesPerAccount: " + MAX_ROLES);
            }
            tx.put(IdentityKeyspace.NAME, ROLES, IdentityKeyspace.nameKey(name), GroupAndRoleRecords.role(role));
            tx.commit();
        }
        return role;
    }

    /** The role with this name in any spelling: one storage read. */
    public Optional<IamRole> findRole(String name) {
        return Optional.ofNullable(keyspace.get(ROLES, IdentityKeyspace.nameKey(name))).map(GroupAndRoleRecords::role);
    }

    public IamRole role(String name) {
        return findRole(name).orElseThrow(() -> noSuchRole(name));
    }

    /** Every role, ordered by name regardless of case. */
    public List<IamRole> roles() {
        return keyspace.query(ROLES, KeyRange.all(), GroupAndRoleRecords::role);
    }

    public int count() {
        return roles().size();
    }

    /** Sets the description and the longest session; a null leaves that one as it is. */
    public IamRole updateRole(String name, String description, Integer maxSessionDuration) {
        return change(name, role -> role.with(description == null ? role.description() : description,
                maxSessionDuration == null ? role.maxSessionDuration() : maxSessionDuration));
    }

    public IamRole updateAssumeRolePolicy(String name, String document) {
        return change(name, role -> role.withTrustPolicy(document));
    }

    /** Adds or replaces tags (a key given again gets the new value). */
    public IamRole tagRole(String name, Map<String, String> tags, int maxTags) {
        return change(name, role -> {
            Map<String, String> merged = new LinkedHashMap<>(role.tags());
            merged.putAll(tags);
            if (merged.size() > maxTags) {
                throw new IdentityException(Reason.LIMIT_EXCEEDED, "The number of tags has reached the maximum limit.");
            }
            return role.withTags(merged);
        });
    }

    public IamRole untagRole(String name, List<String> tagKeys) {
        return change(name, role -> {
            Map<String, String> remaining = new LinkedHashMap<>(role.tags());
            tagKeys.forEach(remaining::remove);
            return role.withTags(remaining);
        });
    }

    public void deleteRole(String name) {
        try (StorageTransaction tx = keyspace.writable().begin()) {
            IamRole role = lockRole(tx, name);
            PolicyStore.checkNoPolicies(tx, HolderKind.ROLE, role.name());
            tx.delete(IdentityKeyspace.NAME, ROLES, IdentityKeyspace.nameKey(role.name()));
            tx.commit();
        }
    }

    private IamRole change(String name, UnaryOperator<IamRole> change) {
        try (StorageTransaction tx = keyspace.writable().begin()) {
            IamRole changed = change.apply(lockRole(tx, name));
            tx.put(IdentityKeyspace.NAME, ROLES, IdentityKeyspace.nameKey(changed.name()), GroupAndRoleRecords.role(changed));
            tx.commit();
            return changed;
        }
    }

    private static IamRole lockRole(StorageTransaction tx, String name) {
        byte[] bytes = tx.getForUpdate(IdentityKeyspace.NAME, ROLES, IdentityKeyspace.nameKey(name));
        if (bytes == null) throw noSuchRole(name);
        return GroupAndRoleRecords.role(bytes);
    }

    static IdentityException noSuchRole(String name) {
        return new IdentityException(Reason.NO_SUCH_ENTITY, "The role with name " + name + " cannot be found.");
    }
}
