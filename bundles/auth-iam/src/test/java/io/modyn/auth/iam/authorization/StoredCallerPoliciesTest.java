package io.modyn.auth.iam.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.modyn.api.auth.Principal;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.auth.iam.identity.HolderKind;
import io.modyn.auth.iam.identity.IdentityPolicies;
import io.modyn.auth.iam.identity.IdentityStorage;
import io.modyn.auth.iam.identity.IdentityStore;
import io.modyn.auth.iam.identity.PolicyHolders;
import io.modyn.auth.iam.identity.PolicyStore;
import io.modyn.auth.iam.identity.SecretSealer;
import io.modyn.auth.iam.identity.Session;
import io.modyn.auth.iam.identity.SessionCache;
import io.modyn.auth.iam.identity.SessionStore;
import io.modyn.auth.iam.identity.SessionStore.Grant;
import io.modyn.auth.iam.identity.SessionStore.NewSession;
import io.modyn.auth.iam.policy.AuthorizationRequest;
import io.modyn.auth.iam.policy.Decision;
import io.modyn.auth.iam.policy.PolicyEvaluator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The policies the authorizer gets for users and role sessions from the real stores: a user's own
 * and its groups', a role session's role policies narrowed by its session policy with session tags
 * over the role's; the same {@link Caller} instance while nothing changed (so cached decisions
 * stay valid) and a new one once a change is read.
 */
class StoredCallerPoliciesTest {

    private static final String ACCOUNT = "123456789012";
    private static final String TABLE = "arn:aws:dynamodb:us-east-1:123456789012:table/T";
    private static final Duration MAX_AGE = Duration.ofMillis(500);

    private final IdentityStorage storage = new IdentityStorage();
    private final SecretSealer sealer = new SecretSealer(new SecretKeySpec(new byte[32], "AES"), new SecureRandom());
    private final IdentityStore users = new IdentityStore(storage, sealer, new SecureRandom(), Clock.systemUTC());
    private final PolicyStore policyStore = new PolicyStore(storage, PolicyHolders.stored(users), ACCOUNT, new SecureRandom(), Clock.systemUTC());
    private final SessionStore sessionStore = new SessionStore(storage, sealer, new SecureRandom(), Clock.systemUTC());
    private final AtomicLong nanos = new AtomicLong();
    private final StoredCallerPolicies callers;

    StoredCallerPoliciesTest() {
        storage.bind(new InMemoryStorageEngine());
        IdentityPolicies policies = new IdentityPolicies(policyStore, MAX_AGE, nanos::get);
        callers = new StoredCallerPolicies(users, policies, new SessionCache(sessionStore, MAX_AGE, nanos::get), MAX_AGE, nanos::get);
    }

    @Test
    void aUserHasItsOwnAndItsGroupsPoliciesAndTheSameCallerUntilAChangeIsRead() {
        users.createUser("alice", "/", Map.of("team", "blue"));
        users.groupStore().createGroup("readers", "/");
        users.groupStore().addUserToGroup("readers", "alice");
        policyStore.putInlinePolicy(HolderKind.USER, "alice", "own", policy("Allow", "dynamodb:PutItem"));
        policyStore.putInlinePolicy(HolderKind.GROUP, "readers", "read", policy("Allow", "dynamodb:GetItem"));
        Principal alice = new Principal(ACCOUNT, "arn:aws:iam::123456789012:user/alice", "AKIAALICE", "AIDAALICE");

        Caller first = callers.of(alice);
        assertEquals("alice", first.userName());
        assertNull(first.roleArn());
        assertEquals("blue", first.principalTag("team"));
        assertEquals(Decision.ALLOWED, decide(first, "dynamodb:PutItem"));
        assertEquals(Decision.ALLOWED, decide(first, "dynamodb:GetItem"));
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS, decide(first, "dynamodb:Scan"));

        advance(MAX_AGE.multipliedBy(3));
        assertSame(first, callers.of(alice), "nothing changed: the same caller, so cached decisions stay");

        policyStore.putInlinePolicy(HolderKind.GROUP, "readers", "no-put", policy("Deny", "dynamodb:PutItem"));
        assertSame(first, callers.of(alice), "within the maximum age the change is not read yet");
        advance(MAX_AGE.multipliedBy(2).plusNanos(2));
        Caller changed = callers.of(alice);
        assertNotSame(first, changed);
        assertEquals(Decision.EXPLICIT_DENY_IDENTITY_POLICY, decide(changed, "dynamodb:PutItem"));
    }

    @Test
    void aRoleSessionHasItsRolesPoliciesNarrowedByItsSessionPolicyAndSessionTagsOverTheRoles() {
        users.roleStore().createRole("reader", "/apps/", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]}", null, 3600,
                Map.of("team", "role-team", "level", "2"));
        policyStore.putInlinePolicy(HolderKind.ROLE, "reader", "rw", policy("Allow", "dynamodb:*"));
        NewSession session = sessionStore.create(new Grant(Session.Kind.ASSUMED_ROLE, ACCOUNT,
                "arn:aws:sts::123456789012:assumed-role/reader/s1", "AROAREADER:s1", "reader", "arn:aws:iam::123456789012:role/apps/reader",
                Duration.ofHours(1), policy("Allow", "dynamodb:GetItem"), List.of(), Map.of("team", "session-team"), List.of(), null));
        Principal principal = new Principal(ACCOUNT, session.session().arn(), session.session().accessKeyId(), "AROAREADER:s1");

        Caller caller = callers.of(principal);
        assertEquals("arn:aws:iam::123456789012:role/apps/reader", caller.roleArn());
        assertNull(caller.userName());
        assertEquals("session-team", caller.principalTag("team"));
        assertEquals("2", caller.principalTag("level"));
        assertEquals(Decision.ALLOWED, decide(caller, "dynamodb:GetItem"));
        assertEquals(Decision.NO_SESSION_POLICY_ALLOWS, decide(caller, "dynamodb:PutItem"), "the session policy narrows the role's");
    }

    @Test
    void anUnknownUserHasNoPolicies() {
        Caller nobody = callers.of(new Principal(ACCOUNT, "arn:aws:iam::123456789012:user/ghost", "AKIAGHOST", "AIDAGHOST"));
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS, decide(nobody, "dynamodb:GetItem"));
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private static Decision decide(Caller caller, String action) {
        return PolicyEvaluator.evaluate(AuthorizationRequest.builder().principal("arn:aws:iam::123456789012:user/any").account(ACCOUNT)
                .action(action).resource(TABLE).build(), caller.policies());
    }

    private static String policy(String effect, String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"" + effect + "\",\"Action\":\"" + action
                + "\",\"Resource\":\"*\"}]}";
    }
}
