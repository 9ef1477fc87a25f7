package io.modyn.auth.iam.identity;

import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.auth.iam.identity.IdentityException.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * IAM groups, in partition {@code group} of the identity keyspace (sort key: the name in lower
 * case), and their members (see {@link GroupMemberships} for how membership stays consistent when
 * two nodes change it at once). Reads go to storage every time; {@link #findGroup} and
 * {@link #groupsOfUser} are one read each, for the authorizer to call behind its cache.
 */
public final class GroupStore {

    /** AWS's default quota of groups in an account. */
    public static final int MAX_GROUPS = 300;
    /** AWS's quota of groups one user can be in. */
    public static final int MAX_GROUPS_PER_USER = 10;

    static final byte[] GROUPS = IdentityKeyspace.ascii("group");

    private final IdentityKeyspace keyspace;
    private final GroupMemberships memberships;

    GroupStore(IdentityKeyspace keyspace) {
        this.keyspace = keyspace;
        this.memberships = new GroupMemberships(keyspace);
    }

    GroupMemberships memberships() {
        return memberships;
    }

    public IamGroup createGroup(String name, String path) {
        IamGroup group = new IamGroup(name, path, keyspace.newId("AGPA"), keyspace.now());
        try (StorageTransaction tx = keyspace.writable().begin()) {
            if (tx.getForUpdate(IdentityKeyspace.NAME, GROUPS, IdentityKeyspace.nameKey(name)) != null) {
                throw alreadyExists(name);
            }
            if (count() >= MAX_GROUPS) {
                throw new IdentityException(Reason.LIMIT_EXCEEDED, "Cannot exceed quota for GroupsPerAccount: " + MAX_GROUPS);
            }
            tx.put(IdentityKeyspace.NAME, GROUPS, IdentityKeyspace.nameKey(name), GroupAndRoleRecords.group(group));
            tx.commit();
        }
        return group;
    }

    /** The group with this name in any spelling: one storage read. */
    public Optional<IamGroup> findGroup(String name) {
        return Optional.ofNullable(keyspace.get(GROUPS, IdentityKeyspace.nameKey(name))).map(GroupAndRoleRecords::group);
    }

    public IamGroup group(String name) {
        return findGroup(name).orElseThrow(() -> noSuchGroup(name));
    }

    /** Every group, ordered by name regardless of case. */
    public List<IamGroup> groups() {
        return keyspace.query(GROUPS, KeyRange.all(), GroupAndRoleRecords::group);
    }

    public int count() {
        return groups().size();
    }

    /** Renames a group or moves it to another path (null: unchanged); its memberships follow. */
    public IamGroup updateGroup(String name, String newName, String newPath) {
        try (StorageTransaction tx = keyspace.writable().begin()) {
            IamGroup group = lockGroup(tx, name);
            String targetName = newName == null ? group.name() : newName;
            IamGroup updated = new IamGroup(targetName, newPath == null ? group.path() : newPath, group.groupId(), group.createDate());
            byte[] oldKey = IdentityKeyspace.nameKey(group.name());
            byte[] newKey = IdentityKeyspace.nameKey(targetName);
            if (!Arrays.equals(oldKey, newKey)) {
                if (tx.getForUpdate(IdentityKeyspace.NAME, GROUPS, newKey) != null) throw alreadyExists(targetName);
                tx.delete(IdentityKeyspace.NAME, GROUPS, oldKey);
            }
            tx.put(IdentityKeyspace.NAME, GROUPS, newKey, GroupAndRoleRecords.group(updated));
            if (!targetName.equals(group.name())) {
                memberships.renameGroup(tx, group.name(), targetName);
                PolicyStore.moveHolder(tx, HolderKind.GROUP, group.name(), targetName);
            }
            tx.commit();
            return updated;
        }
    }

    public void deleteGroup(String name) {
        try (StorageTransaction tx = keyspace.writable().begin()) {
            IamGroup group = lockGroup(tx, name);
            if (!memberships.membersOf(group.name()).isEmpty()) {
                throw new IdentityException(Reason.DELETE_CONFLICT, "Cannot delete entity, must remove users from group first.");
            }
            PolicyStore.checkNoPolicies(tx, HolderKind.GROUP, group.name());
            tx.delete(IdentityKeyspace.NAME, GROUPS, IdentityKeyspace.nameKey(group.name()));
            tx.commit();
        }
    }

    /** Adds the user to the group; a user already in it stays, as AWS answers. */
    public void addUserToGroup(String groupName, String userName) {
        try (StorageTransaction tx = keyspace.writable().begin()) {
            IamGroup group = lockGroup(tx, groupName);
            IamUser user = lockUser(tx, userName);
            if (memberships.contains(tx, group.name(), user.name())) return;
            if (memberships.groupsOf(user.name()).size() >= MAX_GROUPS_PER_USER) {
                throw new IdentityException(Reason.LIMIT_EXCEEDED, "Cannot exceed quota for GroupsPerUser: " + MAX_GROUPS_PER_USER);
            }
            memberships.add(tx, group.name(), user.name());
            tx.commit();
        }
    }

    /** Removes the user from the group; a user not in it is no error, as AWS answers. */
    public void removeUserFromGroup(String groupName, String userName) {
        try (StorageTransaction tx = keyspace.writable().begin()) {
            IamGroup group = lockGroup(tx, groupName);
            IamUser user = lockUser(tx, userName);
            if (!memberships.contains(tx, group.name(), user.name())) return;
            memberships.remove(tx, group.name(), user.name());
            tx.commit();
        }
    }

    /** The group's members, ordered by name regardless of case. */
    public List<IamUser> members(String groupName) {
        IamGroup group = group(groupName);
        List<IamUser> users = new ArrayList<>();
        for (String userName : memberships.membersOf(group.name())) {
            byte[] bytes = keyspace.get(IdentityStore.USERS, IdentityKeyspace.nameKey(userName));
            if (bytes != null) users.add(IdentityRecords.user(bytes));
        }
        return users;
    }

    /** The groups the user is in, ordered by name regardless of case (none for an unknown user). */
    public List<IamGroup> groupsForUser(String userName) {
        List<IamGroup> groups = new ArrayList<>();
        for (String groupName : memberships.groupsOf(userName)) findGroup(groupName).ifPresent(groups::add);
        return groups;
    }

    /**
     * The names of the groups the user (any spelling) is in, as they are spelled, ordered by name
     * regardless of case; none for an unknown user. One storage read.
     */
    public List<String> groupsOfUser(String userName) {
        return memberships.groupsOf(userName);
    }

    private IamGroup lockGroup(StorageTransaction tx, String name) {
        byte[] bytes = tx.getForUpdate(IdentityKeyspace.NAME, GROUPS, IdentityKeyspace.nameKey(name));
        if (bytes == null) throw noSuchGroup(name);
        return GroupAndRoleRecords.group(bytes);
    }

    private static IamUser lockUser(StorageTransaction tx, String name) {
        byte[] bytes = tx.getForUpdate(IdentityKeyspace.NAME, IdentityStore.USERS, IdentityKeyspace.nameKey(name));
        if (bytes == null) throw IdentityException.noSuchUser(name);
        return IdentityRecords.user(bytes);
    }

    static IdentityException noSuchGroup(String name) {
        return new IdentityException(Reason.NO_SUCH_ENTITY, "The group with name " + name + " cannot be found.");
    }

    private static IdentityException alreadyExists(String name) {
        return new IdentityException(Reason.ALREADY_EXISTS, "Group with name " + name + " already exists.");
    }
}
