package io.modyn.auth.iam.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.storage.StorageConflictException;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.auth.iam.identity.IdentityException.Reason;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupStoreTest {

    private final InMemoryStorageEngine engine = new InMemoryStorageEngine();
    private final IdentityStore store;
    private final GroupStore groups;

    GroupStoreTest() {
        IdentityStorage storage = new IdentityStorage();
        storage.bind(engine);
        store = new IdentityStore(storage, new SecretSealer(SecretSealerTest.key((byte) 7), new SecureRandom()), new SecureRandom(),
                new IdentityStoreTest.MutableClock(IdentityStoreTest.START));
        groups = store.groupStore();
    }

    @Test
    void aCreatedGroupHasAnAgpaIdAnArnWithItsPathAndIsFoundInAnySpelling() {
        IamGroup group = groups.createGroup("Admins", "/ops/");
        assertTrue(group.groupId().matches("AGPA[A-Z0-9]{16}"), group.groupId());
        assertEquals("arn:aws:iam::123456789012:group/ops/Admins", group.arn("123456789012"));
        assertEquals(Instant.parse("2026-03-01T10:00:00Z"), group.createDate());
        assertEquals(group, groups.findGroup("ADMINS").orElseThrow());
        assertEquals(group, GroupAndRoleRecords.group(GroupAndRoleRecords.group(group)));
    }

    @Test
    void aGroupNameIsTakenRegardlessOfCaseAndAnUnknownGroupIsNoSuchEntity() {
        groups.createGroup("admins", "/");
        IdentityException twice = assertThrows(IdentityException.class, () -> groups.createGroup("Admins", "/"));
        assertEquals(Reason.ALREADY_EXISTS, twice.reason());
        assertEquals("Group with name Admins already exists.", twice.getMessage());
        IdentityException missing = assertThrows(IdentityException.class, () -> groups.group("nobody"));
        assertEquals(Reason.NO_SUCH_ENTITY, missing.reason());
        assertEquals("The group with name nobody cannot be found.", missing.getMessage());
    }

    @Test
    void membershipIsSeenFromBothSidesAndAddingTwiceOrRemovingANonMemberChangesNothing() {
        groups.createGroup("Admins", "/");
        groups.createGroup("devs", "/");
        store.createUser("Alice", "/", Map.of());
        store.createUser("bob", "/", Map.of());
        groups.addUserToGroup("admins", "alice");
        groups.addUserToGroup("Admins", "ALICE");
        groups.addUserToGroup("devs", "Alice");
        groups.addUserToGroup("devs", "bob");
        assertEquals(List.of("Admins", "devs"), groups.groupsOfUser("alice"));
        assertEquals(List.of("Alice", "bob"), groups.members("devs").stream().map(IamUser::name).toList());
        assertEquals(List.of("Alice"), groups.members("admins").stream().map(IamUser::name).toList());
        groups.removeUserFromGroup("devs", "alice");
        groups.removeUserFromGroup("devs", "alice");
        assertEquals(List.of("Admins"), groups.groupsForUser("Alice").stream().map(IamGroup::name).toList());
        assertEquals(List.of(), groups.groupsOfUser("nobody"));
    }

    @Test
    void addingNeedsAnExistingGroupAndUser() {
        groups.createGroup("admins", "/");
        store.createUser("alice", "/", Map.of());
        assertEquals("The group with name ops cannot be found.",
                assertThrows(IdentityException.class, () -> groups.addUserToGroup("ops", "alice")).getMessage());
        assertEquals("The user with name zed cannot be found.",
                assertThrows(IdentityException.class, () -> groups.addUserToGroup("admins", "zed")).getMessage());
    }

    @Test
    void aUserIsInAtMostTenGroups() {
        store.createUser("alice", "/", Map.of());
        for (int i = 0; i < 11; i++) groups.createGroup("g" + i, "/");
        for (int i = 0; i < 10; i++) groups.addUserToGroup("g" + i, "alice");
        IdentityException error = assertThrows(IdentityException.class, () -> groups.addUserToGroup("g10", "alice"));
        assertEquals(Reason.LIMIT_EXCEEDED, error.reason());
        assertEquals("Cannot exceed quota for GroupsPerUser: 10", error.getMessage());
    }

    @Test
    void neitherAGroupWithMembersNorAMemberCanBeDeleted() {
        groups.createGroup("admins", "/");
        store.createUser("alice", "/", Map.of());
        groups.addUserToGroup("admins", "alice");
        IdentityException group = assertThrows(IdentityException.class, () -> groups.deleteGroup("admins"));
        assertEquals(Reason.DELETE_CONFLICT, group.reason());
        assertEquals("Cannot delete entity, must remove users from group first.", group.getMessage());
        IdentityException user = assertThrows(IdentityException.class, () -> store.deleteUser("alice"));
        assertEquals(Reason.DELETE_CONFLICT, user.reason());
        assertEquals("Cannot delete entity, must remove users from group first.", user.getMessage());
        groups.removeUserFromGroup("admins", "alice");
        store.deleteUser("alice");
        groups.deleteGroup("admins");
        assertTrue(groups.findGroup("admins").isEmpty());
        assertEquals(List.of(), groups.groups());
    }

    @Test
    void renamingAGroupOrAUserCarriesTheMemberships() {
        groups.createGroup("admins", "/");
        store.createUser("alice", "/", Map.of());
        groups.addUserToGroup("admins", "alice");
        IamGroup renamed = groups.updateGroup("admins", "Operators", "/ops/");
        assertEquals("arn:aws:iam::123456789012:group/ops/Operators", renamed.arn("123456789012"));
        assertTrue(groups.findGroup("admins").isEmpty());
        assertEquals(List.of("Operators"), groups.groupsOfUser("alice"));
        store.updateUser("alice", "Alicia", null);
        assertEquals(List.of("Operators"), groups.groupsOfUser("alicia"));
        assertEquals(List.of(), groups.groupsOfUser("alice"));
        assertEquals(List.of("Alicia"), groups.members("operators").stream().map(IamUser::name).toList());
        groups.updateGroup("operators", "OPERATORS", null);
        assertEquals(List.of("OPERATORS"), groups.groupsOfUser("alicia"));
        groups.createGroup("devs", "/");
        assertEquals("Group with name Devs already exists.",
                assertThrows(IdentityException.class, () -> groups.updateGroup("operators", "Devs", null)).getMessage());
    }

    @Test
    void concurrentAddsAndADeleteOfTheUserNeverLeaveAMembershipOfADeletedUser() throws Exception {
        store.createUser("alice", "/", Map.of());
        for (int i = 0; i < 4; i++) groups.createGroup("g" + i, "/");
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String group = "g" + i;
            tasks.add(() -> {
                groups.addUserToGroup(group, "alice");
                return "added";
            });
        }
        tasks.add(() -> {
            store.deleteUser("alice");
            return "deleted";
        });
        List<String> outcomes = run(tasks);
        boolean deleted = outcomes.contains("deleted");
        if (deleted) {
            assertTrue(store.findUser("alice").isEmpty());
            assertEquals(List.of(), groups.groupsOfUser("alice"), outcomes.toString());
            for (int i = 0; i < 4; i++) assertEquals(List.of(), groups.members("g" + i));
        } else {
            assertEquals(4, groups.groupsOfUser("alice").size(), outcomes.toString());
        }
    }

    @Test
    void concurrentAddsToOneUserNeverPassTheQuota() throws Exception {
        store.createUser("alice", "/", Map.of());
        for (int i = 0; i < 14; i++) groups.createGroup("g" + i, "/");
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            String group = "g" + i;
            tasks.add(() -> {
                groups.addUserToGroup(group, "alice");
                return "added";
            });
        }
        List<String> outcomes = run(tasks);
        assertEquals(10, outcomes.stream().filter("added"::equals).count(), outcomes.toString());
        assertEquals(10, groups.groupsOfUser("alice").size());
    }

    @Test
    void concurrentRenamesOfAGroupAndItsMembersLeaveBothSidesOfEveryMembershipAgreeing() throws Exception {
        for (int i = 0; i < 10; i++) {
            int round = i;
            String group = "devs" + round;
            List<String> names = List.of("alice" + round, "bob" + round);
            groups.createGroup(group, "/");
            for (String name : names) {
                store.createUser(name, "/", Map.of());
                groups.addUserToGroup(group, name);
            }
            List<Callable<String>> tasks = new ArrayList<>();
            tasks.add(() -> groups.updateGroup(group, "Builders" + round, null).name());
            for (String name : names) tasks.add(() -> store.updateUser(name, name.toUpperCase(java.util.Locale.ROOT) + "x", null).name());
            List<String> outcomes = run(tasks);
            String current = groups.findGroup(group).or(() -> groups.findGroup("Builders" + round)).orElseThrow().name();
            List<String> members = groups.members(current).stream().map(IamUser::name).toList();
            assertEquals(2, members.size(), outcomes.toString());
            for (String member : members) {
                assertTrue(store.findUser(member).isPresent(), member);
                assertEquals(List.of(current), groups.groupsOfUser(member), outcomes.toString());
            }
        }
    }

    /** Runs the tasks on threads released together; each outcome is its result or the refusal's reason. */
    private static List<String> run(List<Callable<String>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> futures = new ArrayList<>();
            for (Callable<String> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return task.call();
                    } catch (IdentityException e) {
                        return e.reason().name();
                    } catch (StorageConflictException e) {
                        return "CONFLICT";
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> future : futures) outcomes.add(future.get(30, TimeUnit.SECONDS));
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
