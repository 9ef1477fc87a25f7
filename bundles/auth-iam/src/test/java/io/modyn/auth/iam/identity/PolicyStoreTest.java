package io.modyn.auth.iam.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.auth.iam.identity.IdentityException.Reason;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Inline and managed policies, versions and attachments as the store keeps them, with IAM's refusals. */
class PolicyStoreTest {

    static final String ACCOUNT = "123456789012";
    static final String ALLOW_GET = policy("Allow", "dynamodb:GetItem");

    private final IdentityStorage storage = new IdentityStorage();
    private final IdentityStoreTest.MutableClock clock = new IdentityStoreTest.MutableClock(IdentityStoreTest.START);
    private final IdentityStore users = new IdentityStore(storage, new SecretSealer(SecretSealerTest.key((byte) 5), new SecureRandom()),
            new SecureRandom(), clock);
    private final TestHolders groupsAndRoles = new TestHolders().group("admins", "alice").role("reader");
    private final PolicyStore store = new PolicyStore(storage, PolicyHolders.withUsers(users, groupsAndRoles), ACCOUNT, new SecureRandom(), clock);

    PolicyStoreTest() {
        storage.bind(new InMemoryStorageEngine());
        users.createUser("alice", "/", Map.of());
    }

    static String policy(String effect, String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"" + effect + "\",\"Action\":\"" + action + "\",\"Resource\":\"*\"}]}";
    }

    @Test
    void inlinePoliciesArePutReplacedListedAndDeletedForEveryKindOfHolder() {
        for (Object[] holder : new Object[][] {{HolderKind.USER, "Alice"}, {HolderKind.GROUP, "admins"}, {HolderKind.ROLE, "reader"}}) {
            HolderKind kind = (HolderKind) holder[0];
            String name = (String) holder[1];
            store.putInlinePolicy(kind, name, "b", ALLOW_GET);
            store.putInlinePolicy(kind, name, "a", ALLOW_GET);
            store.putInlinePolicy(kind, name, "a", policy("Deny", "dynamodb:*"));
            assertEquals(List.of("a", "b"), store.inlinePolicyNames(kind, name));
            assertEquals(policy("Deny", "dynamodb:*"), store.inlinePolicy(kind, name.toLowerCase(), "a"));
            assertTrue(store.hasPolicies(kind, name));
            store.deleteInlinePolicy(kind, name, "a");
            store.deleteInlinePolicy(kind, name, "b");
            assertFalse(store.hasPolicies(kind, name));
            refused(Reason.NO_SUCH_ENTITY, "The " + kind.word() + " policy with name a cannot be found.", () -> store.inlinePolicy(kind, name, "a"));
            refused(Reason.NO_SUCH_ENTITY, "The " + kind.word() + " policy with name a cannot be found.",
                    () -> store.deleteInlinePolicy(kind, name, "a"));
            refused(Reason.NO_SUCH_ENTITY, "The " + kind.word() + " with name nobody cannot be found.",
                    () -> store.putInlinePolicy(kind, "nobody", "a", ALLOW_GET));
            refused(Reason.NO_SUCH_ENTITY, "The " + kind.word() + " with name nobody cannot be found.",
                    () -> store.inlinePolicyNames(kind, "nobody"));
        }
    }

    @Test
    void malformedDocumentsAreRefusedWithIamsMessages() {
        refused(Reason.MALFORMED_POLICY, "Syntax errors in policy.", () -> store.putInlinePolicy(HolderKind.USER, "alice", "p", "{nope"));
        refused(Reason.MALFORMED_POLICY, "Policy document should not specify a principal.", () -> store.putInlinePolicy(HolderKind.USER,
                "alice", "p", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"));
        refused(Reason.MALFORMED_POLICY, "Policy document must be version 2012-10-17 or greater.", () -> store.managed().createPolicy("p", "/", null,
                "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}", Map.of()));
    }

    @Test
    void inlinePoliciesOfOneHolderTogetherStayWithinItsQuotaWhitespaceNotCounted() {
        String padded = ALLOW_GET.replace(",", ",          ");
        int size = ALLOW_GET.length();
        int fitting = 2048 / size;
        for (int i = 0; i < fitting; i++) store.putInlinePolicy(HolderKind.USER, "alice", "p" + i, padded);
        refused(Reason.LIMIT_EXCEEDED, "Maximum policy size of 2048 bytes exceeded for user alice",
                () -> store.putInlinePolicy(HolderKind.USER, "alice", "one-more", ALLOW_GET));
        store.putInlinePolicy(HolderKind.USER, "alice", "p0", ALLOW_GET); // replacing is counted once
        store.putInlinePolicy(HolderKind.GROUP, "admins", "big", bigPolicy(5000));
        refused(Reason.LIMIT_EXCEEDED, "Maximum policy size of 5120 bytes exceeded for group admins",
                () -> store.putInlinePolicy(HolderKind.GROUP, "admins", "big", bigPolicy(5200)));
        store.putInlinePolicy(HolderKind.ROLE, "reader", "big", bigPolicy(10000));
        refused(Reason.LIMIT_EXCEEDED, "Maximum policy size of 10240 bytes exceeded for role reader",
                () -> store.putInlinePolicy(HolderKind.ROLE, "reader", "big", bigPolicy(10300)));
    }

    /** An Allow of one action whose name makes the document about {@code size} characters long. */
    static String bigPolicy(int size) {
        String base = policy("Allow", "dynamodb:X");
        return policy("Allow", "dynamodb:X" + "a".repeat(size - base.length()));
    }

    @Test
    void aManagedPolicyHasAnAnpaIdAnArnWithItsPathAndVersionOne() {
        ManagedPolicy policy = store.managed().createPolicy("Readers", "/team/", "read only", ALLOW_GET, Map.of("k", "v"));
        assertTrue(policy.policyId().matches("ANPA[A-Z0-9]{17}"), policy.policyId());
        assertEquals("arn:aws:iam::123456789012:policy/team/Readers", policy.arn(ACCOUNT));
        assertEquals("v1", policy.defaultVersionId());
        assertEquals(ALLOW_GET, policy.defaultVersion().document());
        assertEquals(Instant.parse("2026-03-01T10:00:00Z"), policy.createDate());
        assertEquals(policy, store.managed().policy("arn:aws:iam::123456789012:policy/team/Readers"));
        refused(Reason.ALREADY_EXISTS, "A policy called readers already exists. Duplicate names are not allowed.",
                () -> store.managed().createPolicy("readers", "/other/", null, ALLOW_GET, Map.of()));
        refused(Reason.NO_SUCH_ENTITY, "Policy arn:aws:iam::123456789012:policy/Readers does not exist or is not attachable.",
                () -> store.managed().policy("arn:aws:iam::123456789012:policy/Readers"));
        refused(Reason.NO_SUCH_ENTITY, "Policy arn:aws:iam::999999999999:policy/team/Readers does not exist or is not attachable.",
                () -> store.managed().policy("arn:aws:iam::999999999999:policy/team/Readers"));
        refused(Reason.INVALID_INPUT, "ARN not-an-arn-at-all-really is not valid.", () -> store.managed().policy("not-an-arn-at-all-really"));
        refused(Reason.LIMIT_EXCEEDED, "Cannot exceed quota for PolicySize: 6144",
                () -> store.managed().createPolicy("huge", "/", null, bigPolicy(6200), Map.of()));
    }

    @Test
    void versionsAreNumberedNeverReusedAtMostFiveAndTheDefaultCannotBeDeleted() {
        String arn = store.managed().createPolicy("p", "/", null, ALLOW_GET, Map.of()).arn(ACCOUNT);
        clock.advance(Duration.ofMinutes(1));
        assertEquals("v2", store.managed().createPolicyVersion(arn, policy("Allow", "dynamodb:PutItem"), false).versionId());
        assertEquals("v1", store.managed().policy(arn).defaultVersionId());
        assertEquals("v3", store.managed().createPolicyVersion(arn, policy("Allow", "dynamodb:Query"), true).versionId());
        ManagedPolicy policy = store.managed().policy(arn);
        assertEquals("v3", policy.defaultVersionId());
        assertEquals(List.of("v3", "v2", "v1"), policy.versions().stream().map(ManagedPolicy.Version::versionId).toList());
        assertEquals(Instant.parse("2026-03-01T10:01:00Z"), policy.updateDate());
        store.managed().createPolicyVersion(arn, ALLOW_GET, false);
        store.managed().createPolicyVersion(arn, ALLOW_GET, false);
        refused(Reason.LIMIT_EXCEEDED, "A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.",
                () -> store.managed().createPolicyVersion(arn, ALLOW_GET, false));
        refused(Reason.DELETE_CONFLICT, "Cannot delete the default version of a policy.", () -> store.managed().deletePolicyVersion(arn, "v3"));
        store.managed().deletePolicyVersion(arn, "v5");
        assertEquals("v6", store.managed().createPolicyVersion(arn, ALLOW_GET, false).versionId());
        refused(Reason.NO_SUCH_ENTITY, "Policy " + arn + " version v5 does not exist or is not attachable.", () -> store.managed().policyVersion(arn, "v5"));
        refused(Reason.NO_SUCH_ENTITY, "Policy " + arn + " version v9 does not exist or is not attachable.",
                () -> store.managed().setDefaultPolicyVersion(arn, "v9"));
        store.managed().setDefaultPolicyVersion(arn, "v1");
        assertEquals(ALLOW_GET, store.managed().policy(arn).defaultVersion().document());
        refused(Reason.DELETE_CONFLICT, "This policy has more than one version. Before you delete a policy, you must delete the policy's "
                + "versions. The default version is deleted with the policy.", () -> store.managed().deletePolicy(arn));
        for (String v : List.of("v2", "v3", "v4", "v6")) store.managed().deletePolicyVersion(arn, v);
        store.managed().deletePolicy(arn);
        assertTrue(store.managed().findPolicy(arn).isEmpty());
        refused(Reason.NO_SUCH_ENTITY, "Policy " + arn + " does not exist or is not attachable.", () -> store.managed().deletePolicy(arn));
    }

    @Test
    void attachmentsAreCountedRefuseDeletionAndAreLimitedToTen() {
        String arn = store.managed().createPolicy("p", "/", null, ALLOW_GET, Map.of()).arn(ACCOUNT);
        store.attachPolicy(HolderKind.USER, "alice", arn);
        store.attachPolicy(HolderKind.USER, "alice", arn); // again: nothing changes
        store.attachPolicy(HolderKind.GROUP, "admins", arn);
        store.attachPolicy(HolderKind.ROLE, "reader", arn);
        assertEquals(3, store.managed().policy(arn).attachmentCount());
        assertEquals(List.of("p"), store.attachedPolicies(HolderKind.USER, "alice").stream().map(ManagedPolicy::name).toList());
        refused(Reason.DELETE_CONFLICT, "Cannot delete a policy attached to entities.", () -> store.managed().deletePolicy(arn));
        refused(Reason.NO_SUCH_ENTITY, "The role with name nobody cannot be found.", () -> store.attachPolicy(HolderKind.ROLE, "nobody", arn));
        refused(Reason.NO_SUCH_ENTITY, "Policy arn:aws:iam::123456789012:policy/none does not exist or is not attachable.",
                () -> store.attachPolicy(HolderKind.USER, "alice", "arn:aws:iam::123456789012:policy/none"));
        store.detachPolicy(HolderKind.USER, "alice", arn);
        store.detachPolicy(HolderKind.GROUP, "admins", arn);
        store.detachPolicy(HolderKind.ROLE, "reader", arn);
        assertEquals(0, store.managed().policy(arn).attachmentCount());
        refused(Reason.NO_SUCH_ENTITY, "Policy " + arn + " was not found.", () -> store.detachPolicy(HolderKind.USER, "alice", arn));
        assertFalse(store.hasPolicies(HolderKind.USER, "alice"));
        for (int i = 0; i < HolderKind.MAX_ATTACHED_POLICIES; i++) {
            store.attachPolicy(HolderKind.ROLE, "reader", store.managed().createPolicy("q" + i, "/", null, ALLOW_GET, Map.of()).arn(ACCOUNT));
        }
        refused(Reason.LIMIT_EXCEEDED, "Cannot exceed quota for PoliciesPerRole: 10", () -> store.attachPolicy(HolderKind.ROLE, "reader", arn));
        store.managed().deletePolicy(arn);
    }

    @Test
    void awsManagedPoliciesAreAttachedAndCountedAndACustomerPolicyMayShareTheirName() {
        String aws = "arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess";
        store.attachPolicy(HolderKind.USER, "alice", aws);
        store.attachPolicy(HolderKind.GROUP, "admins", aws);
        assertEquals(2, store.managed().policy(aws).attachmentCount());
        assertEquals(aws, store.managed().policy(aws).arn(ACCOUNT));
        ManagedPolicy own = store.managed().createPolicy("AmazonDynamoDBFullAccess", "/", null, ALLOW_GET, Map.of());
        assertEquals("arn:aws:iam::123456789012:policy/AmazonDynamoDBFullAccess", own.arn(ACCOUNT));
        assertEquals(0, store.managed().policy(own.arn(ACCOUNT)).attachmentCount());
        assertEquals(List.of(2, 0), store.managed().awsPolicies().stream().map(ManagedPolicy::attachmentCount).toList());
        refused(Reason.NO_SUCH_ENTITY, "Policy arn:aws:iam::aws:policy/AdministratorAccess does not exist or is not attachable.",
                () -> store.attachPolicy(HolderKind.USER, "alice", "arn:aws:iam::aws:policy/AdministratorAccess"));
        store.detachPolicy(HolderKind.USER, "alice", aws);
        store.detachPolicy(HolderKind.GROUP, "admins", aws);
        assertEquals(0, store.managed().policy(aws).attachmentCount());
        assertFalse(store.hasPolicies(HolderKind.USER, "alice"));
    }

    @Test
    void aUserWithPoliciesCannotBeDeletedAndARenamedUserKeepsThem() {
        store.putInlinePolicy(HolderKind.USER, "alice", "inline", ALLOW_GET);
        refused(Reason.DELETE_CONFLICT, "Cannot delete entity, must delete policies first.", () -> users.deleteUser("alice"));
        users.updateUser("alice", "alicia", null);
        assertEquals(List.of("inline"), store.inlinePolicyNames(HolderKind.USER, "alicia"));
        assertTrue(store.holderPolicies(HolderKind.USER, "alice").isEmpty());
        store.deleteInlinePolicy(HolderKind.USER, "alicia", "inline");
        String arn = store.managed().createPolicy("p", "/", null, ALLOW_GET, Map.of()).arn(ACCOUNT);
        store.attachPolicy(HolderKind.USER, "alicia", arn);
        refused(Reason.DELETE_CONFLICT, "Cannot delete entity, must detach all policies first.", () -> users.deleteUser("alicia"));
        store.detachPolicy(HolderKind.USER, "alicia", arn);
        users.deleteUser("alicia");
        assertTrue(users.findUser("alicia").isEmpty());
        // a new user of the same name starts without policies
        users.createUser("alicia", "/", Map.of());
        assertEquals(List.of(), store.inlinePolicyNames(HolderKind.USER, "alicia"));
    }

    @Test
    void concurrentChangesNeitherLoseAnAttachmentNorPassTheVersionLimit() throws Exception {
        String arn = store.managed().createPolicy("shared", "/", null, ALLOW_GET, Map.of()).arn(ACCOUNT);
        int threads = 8;
        for (int i = 0; i < threads; i++) users.createUser("u" + i, "/", Map.of());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Boolean>> attaches = new java.util.ArrayList<>();
            List<java.util.concurrent.Future<Boolean>> versions = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String user = "u" + i;
                attaches.add(pool.submit(() -> {
                    start.await();
                    store.attachPolicy(HolderKind.USER, user, arn);
                    return true;
                }));
                versions.add(pool.submit(() -> {
                    start.await();
                    try {
                        store.managed().createPolicyVersion(arn, ALLOW_GET, false);
                        return true;
                    } catch (IdentityException e) {
                        assertEquals(Reason.LIMIT_EXCEEDED, e.reason());
                        return false;
                    }
                }));
            }
            start.countDown();
            for (var attach : attaches) assertTrue(attach.get());
            long created = 0;
            for (var version : versions) if (version.get()) created++;
            assertEquals(ManagedPolicies.MAX_VERSIONS - 1, created);
        } finally {
            pool.shutdownNow();
        }
        ManagedPolicy policy = store.managed().policy(arn);
        assertEquals(threads, policy.attachmentCount());
        assertEquals(ManagedPolicies.MAX_VERSIONS, policy.versions().size());
    }

    @Test
    void readingBeforeAnythingIsStoredFindsNothing() {
        PolicyStore empty = new PolicyStore(emptyStorage(), PolicyHolders.NONE, ACCOUNT, new SecureRandom(), clock);
        assertEquals(List.of(), empty.managed().policies());
        assertTrue(empty.holderPolicies(HolderKind.USER, "alice").isEmpty());
        assertTrue(empty.managed().findPolicy("arn:aws:iam::123456789012:policy/p").isEmpty());
    }

    private static IdentityStorage emptyStorage() {
        IdentityStorage empty = new IdentityStorage();
        empty.bind(new InMemoryStorageEngine());
        return empty;
    }

    static void refused(Reason reason, String message, Executable change) {
        IdentityException error = assertThrows(IdentityException.class, change);
        assertEquals(reason, error.reason());
        assertEquals(message, error.getMessage());
    }
}
