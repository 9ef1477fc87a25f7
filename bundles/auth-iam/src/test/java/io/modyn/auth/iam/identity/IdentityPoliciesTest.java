package io.modyn.auth.iam.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.auth.iam.policy.AuthorizationRequest;
import io.modyn.auth.iam.policy.Decision;
import io.modyn.auth.iam.policy.PolicyDocument;
import io.modyn.auth.iam.policy.PolicyEvaluator;
import io.modyn.auth.iam.policy.PolicySet;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What the authorizer gets for a principal, and when a change reaches it. */
class IdentityPoliciesTest {

    private static final String ACCOUNT = PolicyStoreTest.ACCOUNT;

    private final IdentityStorage storage = new IdentityStorage();
    private final IdentityStore users = new IdentityStore(storage, new SecretSealer(SecretSealerTest.key((byte) 6), new SecureRandom()),
            new SecureRandom(), new IdentityStoreTest.MutableClock(IdentityStoreTest.START));
    private final PolicyStore store = new PolicyStore(storage,
            PolicyHolders.withUsers(users, new TestHolders().group("readers", "alice").group("writers", "alice", "bob").role("app")),
            ACCOUNT, new SecureRandom(), new IdentityStoreTest.MutableClock(IdentityStoreTest.START));
    private final AtomicLong nanos = new AtomicLong();
    private final IdentityPolicies policies = new IdentityPolicies(store, Duration.ofMillis(1000), nanos::get);

    IdentityPoliciesTest() {
        storage.bind(new InMemoryStorageEngine());
        users.createUser("alice", "/", Map.of());
    }

    @Test
    void aUserHasItsInlineAndAttachedPoliciesThenItsGroups() {
        store.putInlinePolicy(HolderKind.USER, "alice", "own", PolicyStoreTest.policy("Allow", "dynamodb:GetItem"));
        String managed = store.managed().createPolicy("m", "/", null, PolicyStoreTest.policy("Allow", "dynamodb:Query"), Map.of()).arn(ACCOUNT);
        store.attachPolicy(HolderKind.USER, "alice", managed);
        store.putInlinePolicy(HolderKind.GROUP, "readers", "g", PolicyStoreTest.policy("Allow", "dynamodb:Scan"));
        store.attachPolicy(HolderKind.GROUP, "writers", managed);
        List<String> documents = policies.forUser("Alice").stream().map(PolicyDocument::json).toList();
        assertEquals(List.of(PolicyStoreTest.policy("Allow", "dynamodb:GetItem"), PolicyStoreTest.policy("Allow", "dynamodb:Query"),
                PolicyStoreTest.policy("Allow", "dynamodb:Scan"), PolicyStoreTest.policy("Allow", "dynamodb:Query")), documents);
        assertEquals(Decision.ALLOWED, decide(policies.forUser("alice"), "dynamodb:Scan"));
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS, decide(policies.forUser("alice"), "dynamodb:PutItem"));
        assertEquals(List.of(), policies.forUser("nobody"));
        assertEquals(List.of("g"), policies.sources(HolderKind.GROUP, "readers").stream().map(IdentityPolicies.Source::id).toList());
    }

    @Test
    void aRoleHasItsOwnPoliciesAndTheDefaultVersionOfAManagedOne() {
        String arn = store.managed().createPolicy("m", "/", null, PolicyStoreTest.policy("Allow", "dynamodb:Query"), Map.of()).arn(ACCOUNT);
        store.managed().createPolicyVersion(arn, PolicyStoreTest.policy("Deny", "dynamodb:Query"), false);
        store.attachPolicy(HolderKind.ROLE, "app", arn);
        assertEquals(Decision.ALLOWED, decide(policies.forRole("app"), "dynamodb:Query"));
        store.managed().setDefaultPolicyVersion(arn, "v2");
        nanos.addAndGet(Duration.ofMillis(1001).toNanos());
        assertEquals(Decision.EXPLICIT_DENY_IDENTITY_POLICY, decide(policies.forRole("app"), "dynamodb:Query"));
    }

    @Test
    void aChangeAppliesOnceTheCachedAnswerIsOlderThanItsMaximumAgeAndUnchangedDocumentsAreNotParsedAgain() {
        store.putInlinePolicy(HolderKind.USER, "alice", "own", PolicyStoreTest.policy("Allow", "dynamodb:GetItem"));
        List<PolicyDocument> first = policies.forUser("alice");
        store.putInlinePolicy(HolderKind.USER, "alice", "deny", PolicyStoreTest.policy("Deny", "dynamodb:GetItem"));
        nanos.addAndGet(Duration.ofMillis(1000).toNanos());
        assertSame(first, policies.forUser("alice"));
        nanos.addAndGet(1);
        List<PolicyDocument> second = policies.forUser("alice");
        assertEquals(Decision.EXPLICIT_DENY_IDENTITY_POLICY, decide(second, "dynamodb:GetItem"));
        assertSame(first.get(0), second.stream().filter(d -> d.json().contains("Allow")).findFirst().orElseThrow());
    }

    @Test
    void aMaximumAgeOverOneSecondIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new IdentityPolicies(store, Duration.ofMillis(1001), nanos::get));
    }

    private static Decision decide(List<PolicyDocument> documents, String action) {
        return PolicyEvaluator.evaluate(AuthorizationRequest.builder().principal("arn:aws:iam::123456789012:user/alice")
                .action(action).resource("arn:aws:dynamodb:us-east-1:123456789012:table/t").build(), PolicySet.of(documents));
    }
}
