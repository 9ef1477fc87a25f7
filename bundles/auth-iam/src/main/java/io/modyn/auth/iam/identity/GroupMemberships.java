package io.modyn.auth.iam.identity;

import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.StorageConflictException;
import io.modyn.api.storage.StorageTransaction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Who is in which group, recorded on both sides so that either question is one range read: in
 * partition {@code group-member} under {@code <group>/<user>} (value: the user's name as spelled)
 * and in {@code user-group} under {@code <user>/<group>} (value: the group's name). Names are in
 * lower case in keys and hold no {@code /}, so {@code <name>/} is exactly one entity's prefix.
 *
 * <p>Both records are written in one transaction that holds the group's record, the user's
 * record, or both, locked (in that order: group, user, then the membership records, member side
 * first). Adding and removing hold both, so deleting a group or a user (which holds its own
 * record and then reads its memberships) sees every membership committed before it and none can
 * be added after. Renaming a user or a group rewrites its memberships holding its own record and
 * then each other side's record: a range read outside a transaction may see another commit half
 * applied (the SPI promises each record whole, not each commit), so the list of memberships a
 * rename reads is complete only because no transaction can change a membership of this entity
 * without holding this entity's record, which the rename holds from before its read until its
 * writes are applied. A membership renamed away meanwhile by the other side's rename is found
 * missing under lock and the later rename fails with a retryable conflict instead of resurrecting
 * it; two renames that lock each other's records in opposite orders end the same way.
 */
final class GroupMemberships {

    static final byte[] MEMBERS = IdentityKeyspace.ascii("group-member");
    static final byte[] GROUPS_OF = IdentityKeyspace.ascii("user-group");

    private final IdentityKeyspace keyspace;

    GroupMemberships(IdentityKeyspace keyspace) {
        this.keyspace = keyspace;
    }

    /** The names of the groups the user (any spelling) is in, ordered by name regardless of case. */
    List<String> groupsOf(String userName) {
        return keyspace.query(GROUPS_OF, KeyRange.prefix(prefix(userName)), GroupAndRoleRecords::member);
    }

    /** The names of the group's members, ordered by name regardless of case. */
    List<String> membersOf(String groupName) {
        return keyspace.query(MEMBERS, KeyRange.prefix(prefix(groupName)), GroupAndRoleRecords::member);
    }

    /** Whether the user is in the group, locking the membership. */
    boolean contains(StorageTransaction tx, String groupName, String userName) {
        return tx.getForUpdate(IdentityKeyspace.NAME, MEMBERS, pair(groupName, userName)) != null;
    }

    void add(StorageTransaction tx, String groupName, String userName) {
        tx.put(IdentityKeyspace.NAME, MEMBERS, pair(groupName, userName), GroupAndRoleRecords.member(userName));
        tx.put(IdentityKeyspace.NAME, GROUPS_OF, pair(userName, groupName), GroupAndRoleRecords.member(groupName));
    }

    void remove(StorageTransaction tx, String groupName, String userName) {
        tx.delete(IdentityKeyspace.NAME, MEMBERS, pair(groupName, userName));
        tx.delete(IdentityKeyspace.NAME, GROUPS_OF, pair(userName, groupName));
    }

    /** Moves a renamed user's memberships, in the transaction that holds the user's record. */
    void renameUser(StorageTransaction tx, String oldName, String newName) {
        for (String group : groupsOf(oldName)) {
            lockRecord(tx, GroupStore.GROUPS, group);
            byte[] oldMember = lockExisting(tx, MEMBERS, pair(group, oldName));
            byte[] oldGroupOf = lockExisting(tx, GROUPS_OF, pair(oldName, group));
            move(tx, MEMBERS, oldMember, pair(group, newName), newName);
            move(tx, GROUPS_OF, oldGroupOf, pair(newName, group), group);
        }
    }

    /** Moves a renamed group's memberships, in the transaction that holds the group's record. */
    void renameGroup(StorageTransaction tx, String oldName, String newName) {
        for (String user : membersOf(oldName)) {
            lockRecord(tx, IdentityStore.USERS, user);
            byte[] oldMember = lockExisting(tx, MEMBERS, pair(oldName, user));
            byte[] oldGroupOf = lockExisting(tx, GROUPS_OF, pair(user, oldName));
            move(tx, MEMBERS, oldMember, pair(newName, user), user);
            move(tx, GROUPS_OF, oldGroupOf, pair(user, newName), newName);
        }
    }

    /** Locks the other side's record (a user's or a group's), so its own rename cannot move this membership meanwhile. */
    private static void lockRecord(StorageTransaction tx, byte[] partition, String name) {
        tx.getForUpdate(IdentityKeyspace.NAME, partition, IdentityKeyspace.nameKey(name));
    }

    private static byte[] lockExisting(StorageTransaction tx, byte[] partition, byte[] key) {
        if (tx.getForUpdate(IdentityKeyspace.NAME, partition, key) == null) {
            throw new StorageConflictException("an IAM group membership changed while it was being renamed");
        }
        return key;
    }

    private static void move(StorageTransaction tx, byte[] partition, byte[] from, byte[] to, String otherSide) {
        if (!Arrays.equals(from, to)) tx.delete(IdentityKeyspace.NAME, partition, from);
        tx.put(IdentityKeyspace.NAME, partition, to, GroupAndRoleRecords.member(otherSide));
    }

    private static byte[] prefix(String name) {
        return (name.toLowerCase(Locale.ROOT) + "/").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] pair(String first, String second) {
        return (first.toLowerCase(Locale.ROOT) + "/" + second.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8);
    }
}
