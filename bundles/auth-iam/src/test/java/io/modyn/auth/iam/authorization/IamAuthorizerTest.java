package io.modyn.auth.iam.authorization;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.auth.ConditionKeys;
import io.modyn.api.auth.Principal;
import io.modyn.api.auth.ResourcePolicies;
import io.modyn.api.auth.ResourcePolicy;
import io.modyn.api.auth.ResourceTags;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.auth.iam.policy.PolicyDocument;
import io.modyn.auth.iam.policy.PolicyKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The authorizer's decisions and messages for the account root, users, sessions and resource policies. */
class IamAuthorizerTest {

    static final String ACCOUNT = "000000000000";
    static final String ROOT_ARN = "arn:aws:iam::000000000000:root";
    static final String ALICE_ARN = "arn:aws:iam::000000000000:user/alice";
    static final String SESSION_ARN = "arn:aws:sts::000000000000:assumed-role/Reader/s1";
    static final String ROLE_ARN = "arn:aws:iam::000000000000:role/app/Reader";
    static final String TABLE = "arn:aws:dynamodb:us-east-1:000000000000:table/T";
    static final String KEY = "arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final Principal ROOT = new Principal(ACCOUNT, ROOT_ARN, "AKIAROOT", ACCOUNT);
    static final Principal ALICE = new Principal(ACCOUNT, ALICE_ARN, "AKIAALICE", "AIDAALICE0000000000");
    static final Principal SESSION = new Principal(ACCOUNT, SESSION_ARN, "ASIASESSION", "AROAREADER:s1");
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    static String denied(String arn, String action, String resource, String reason) {
        return "User: " + arn + " is not authorized to perform: " + action + " on resource: " + resource + " " + reason;
    }

    static PolicyDocument identity(String statements) {
        return PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}", PolicyKind.IDENTITY);
    }

    static ResourcePolicy resourcePolicy(String statements, boolean required) {
        return new ResourcePolicy("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}", required);
    }

    static final String ALLOW_ALL = "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}";
    static final String ALLOW_PUT_T = "{\"Effect\":\"Allow\",\"Action\":\"dynamodb:PutItem\",\"Resource\":\"" + TABLE + "\"}";
    static final String DENY_PUT = "{\"Effect\":\"Deny\",\"Action\":\"dynamodb:PutItem\",\"Resource\":\"*\"}";
    static final String ALLOW_KMS = "{\"Effect\":\"Allow\",\"Action\":\"kms:*\",\"Resource\":\"*\"}";

    static String principalStatement(String effect, String principal, String action) {
        return "{\"Effect\":\"" + effect + "\",\"Principal\":{\"AWS\":\"" + principal + "\"},\"Action\":\"" + action
                + "\",\"Resource\":\"*\"}";
    }

    /** name, principal, caller (null for the root), resource policy (or null), action, resource, expected message (null: allowed) */
    static Stream<Arguments> decisions() {
        Caller none = Caller.userWithoutPolicies("alice");
        Caller putOnT = new Caller(List.of(identity(ALLOW_PUT_T)), null, Map.of(), "alice", null);
        Caller allowAllDenyPut = new Caller(List.of(identity(ALLOW_ALL), identity(DENY_PUT)), null, Map.of(), "alice", null);
        Caller kmsUser = new Caller(List.of(identity(ALLOW_KMS)), null, Map.of(), "alice", null);
        Caller sessionGetOnly = new Caller(List.of(identity(ALLOW_ALL)),
                List.of(identity("{\"Effect\":\"Allow\",\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}")), Map.of(), null, ROLE_ARN);
        Caller sessionDenyGet = new Caller(List.of(identity(ALLOW_ALL)),
                List.of(identity(ALLOW_ALL), identity("{\"Effect\":\"Deny\",\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}")),
                Map.of(), null, ROLE_ARN);
        Caller roleNoPolicies = new Caller(List.of(), null, Map.of(), null, ROLE_ARN);
        String rootOfAccount = "arn:aws:iam::000000000000:root";
        return Stream.of(
                arguments("root may do anything", ROOT, null, null, "dynamodb:DeleteTable", TABLE, null),
                arguments("root: a table policy's allow changes nothing", ROOT, null,
                        resourcePolicy(principalStatement("Allow", ALICE_ARN, "dynamodb:*"), false), "dynamodb:PutItem", TABLE, null),
                arguments("root: a table policy's deny of the account stops it", ROOT, null,
                        resourcePolicy(principalStatement("Deny", ACCOUNT, "dynamodb:PutItem"), false), "dynamodb:PutItem", TABLE,
                        denied(ROOT_ARN, "dynamodb:PutItem", TABLE, "with an explicit deny in a resource-based policy")),
                arguments("root: a key policy allowing the account lets it use the key", ROOT, null,
                        resourcePolicy(principalStatement("Allow", rootOfAccount, "kms:*"), true), "kms:Decrypt", KEY, null),
                arguments("root: a key policy not naming the account keeps it out", ROOT, null,
                        resourcePolicy(principalStatement("Allow", ALICE_ARN, "kms:*"), true), "kms:Decrypt", KEY,
                        denied(ROOT_ARN, "kms:Decrypt", KEY, "because no resource-based policy allows the kms:Decrypt action")),
                arguments("user without policies", ALICE, none, null, "dynamodb:PutItem", TABLE,
                        denied(ALICE_ARN, "dynamodb:PutItem", TABLE, "because no identity-based policy allows the dynamodb:PutItem action")),
                arguments("user allowed PutItem on T", ALICE, putOnT, null, "dynamodb:PutItem", TABLE, null),
                arguments("user allowed PutItem, asking GetItem", ALICE, putOnT, null, "dynamodb:GetItem", TABLE,
                        denied(ALICE_ARN, "dynamodb:GetItem", TABLE, "because no identity-based policy allows the dynamodb:GetItem action")),
                arguments("user allowed PutItem on T, another table", ALICE, putOnT, null, "dynamodb:PutItem", TABLE + "x",
                        denied(ALICE_ARN, "dynamodb:PutItem", TABLE + "x",
                                "because no identity-based policy allows the dynamodb:PutItem action")),
                arguments("explicit deny in an identity policy wins over allow", ALICE, allowAllDenyPut, null, "dynamodb:PutItem", TABLE,
                        denied(ALICE_ARN, "dynamodb:PutItem", TABLE, "with an explicit deny in an identity-based policy")),
                arguments("a table policy naming the user allows without identity policy", ALICE, none,
                        resourcePolicy(principalStatement("Allow", ALICE_ARN, "dynamodb:GetItem"), false), "dynamodb:GetItem", TABLE, null),
                arguments("a table policy naming the account only delegates to identity policies", ALICE, none,
                        resourcePolicy(principalStatement("Allow", ACCOUNT, "dynamodb:GetItem"), false), "dynamodb:GetItem", TABLE,
                        denied(ALICE_ARN, "dynamodb:GetItem", TABLE, "because no identity-based policy allows the dynamodb:GetItem action")),
                arguments("a table policy's deny wins over an identity allow", ALICE, putOnT,
                        resourcePolicy(principalStatement("Deny", ALICE_ARN, "dynamodb:PutItem"), false), "dynamodb:PutItem", TABLE,
                        denied(ALICE_ARN, "dynamodb:PutItem", TABLE, "with an explicit deny in a resource-based policy")),
                arguments("key policy allows the account, identity policy allows", ALICE, kmsUser,
                        resourcePolicy(principalStatement("Allow", rootOfAccount, "kms:*"), true), "kms:Decrypt", KEY, null),
                arguments("key policy allows the account, no identity policy", ALICE, none,
                        resourcePolicy(principalStatement("Allow", rootOfAccount, "kms:*"), true), "kms:Decrypt", KEY,
                        denied(ALICE_ARN, "kms:Decrypt", KEY, "because no identity-based policy allows the kms:Decrypt action")),
                arguments("key policy names someone else: the identity allow does not count", ALICE, kmsUser,
                        resourcePolicy(principalStatement("Allow", "arn:aws:iam::000000000000:user/bob", "kms:*"), true),
                        "kms:Decrypt", KEY,
                        denied(ALICE_ARN, "kms:Decrypt", KEY, "because no resource-based policy allows the kms:Decrypt action")),
                arguments("key policy naming the user needs no identity policy", ALICE, none,
                        resourcePolicy(principalStatement("Allow", ALICE_ARN, "kms:Decrypt"), true), "kms:Decrypt", KEY, null),
                arguments("key policy's deny wins", ALICE, kmsUser,
                        resourcePolicy(principalStatement("Allow", rootOfAccount, "kms:*") + ","
                                + principalStatement("Deny", ALICE_ARN, "kms:Decrypt"), true), "kms:Decrypt", KEY,
                        denied(ALICE_ARN, "kms:Decrypt", KEY, "with an explicit deny in a resource-based policy")),
                arguments("session policy narrows the role's allow", SESSION, sessionGetOnly, null, "dynamodb:PutItem", TABLE,
                        denied(SESSION_ARN, "dynamodb:PutItem", TABLE, "because no session policy allows the dynamodb:PutItem action")),
                arguments("session policy allows what both allow", SESSION, sessionGetOnly, null, "dynamodb:GetItem", TABLE, null),
                arguments("session policy's deny", SESSION, sessionDenyGet, null, "dynamodb:GetItem", TABLE,
                        denied(SESSION_ARN, "dynamodb:GetItem", TABLE, "with an explicit deny in a session policy")),
                arguments("table policy naming the role grants its session", SESSION, roleNoPolicies,
                        resourcePolicy(principalStatement("Allow", ROLE_ARN, "dynamodb:GetItem"), false), "dynamodb:GetItem", TABLE, null),
                arguments("ListTables is named on the region's table/*", ALICE, none, null, "dynamodb:ListTables", "*",
                        denied(ALICE_ARN, "dynamodb:ListTables", "arn:aws:dynamodb:us-east-1:000000000000:table/*",
                                "because no identity-based policy allows the dynamodb:ListTables action")),
                arguments("other services' actions on no resource say *", ALICE, none, null, "kms:CreateKey", "*",
                        denied(ALICE_ARN, "kms:CreateKey", "*", "because no identity-based policy allows the kms:CreateKey action")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisions")
    void decides(String name, Principal principal, Caller caller, ResourcePolicy policy, String action, String resource,
            String expectedMessage) {
        IamAuthorizer authorizer = authorizer(p -> caller);
        ResourcePolicies policies = policy == null ? ResourcePolicies.NONE : arn -> Optional.of(policy);
        List<AuthorizationRequest> requests = List.of(new AuthorizationRequest(action, resource));
        if (expectedMessage == null) {
            assertDoesNotThrow(() -> authorizer.authorize(context(principal), requests, noTags(), policies));
        } else {
            DynamoException e = assertThrows(DynamoException.class,
                    () -> authorizer.authorize(context(principal), requests, noTags(), policies));
            assertEquals(ErrorType.ACCESS_DENIED, e.type());
            assertEquals(expectedMessage, e.getMessage());
        }
    }

    @Test
    void firstDeniedRequestDeniesTheOperationAndIsNamed() {
        Caller caller = new Caller(List.of(identity(ALLOW_PUT_T)), null, Map.of(), "alice", null);
        List<AuthorizationRequest> requests = List.of(new AuthorizationRequest("dynamodb:PutItem", TABLE),
                new AuthorizationRequest("dynamodb:PutItem", TABLE + "2"), new AuthorizationRequest("dynamodb:DeleteItem", TABLE));
        DynamoException e = assertThrows(DynamoException.class,
                () -> authorizer(p -> caller).authorize(context(ALICE), requests, noTags(), ResourcePolicies.NONE));
        assertEquals(denied(ALICE_ARN, "dynamodb:PutItem", TABLE + "2",
                "because no identity-based policy allows the dynamodb:PutItem action"), e.getMessage());
    }

    @Test
    void rootIsNeverLookedUpAndUsersAreByDefaultDenied() {
        IamAuthorizer authorizer = authorizer(CallerPolicies.NONE);
        List<AuthorizationRequest> put = List.of(new AuthorizationRequest("dynamodb:PutItem", TABLE));
        assertDoesNotThrow(() -> authorizer(p -> { throw new AssertionError("asked for the root"); })
                .authorize(context(ROOT), put, noTags(), ResourcePolicies.NONE));
        assertThrows(DynamoException.class, () -> authorizer.authorize(context(ALICE), put, noTags(), ResourcePolicies.NONE));
        assertEquals("alice", CallerPolicies.userNameOf("arn:aws:iam::000000000000:user/team/a/alice"));
        assertEquals(null, CallerPolicies.userNameOf(SESSION_ARN));
    }

    /** condition, request keys, allowed */
    static Stream<Arguments> globalAndRequestKeys() {
        return Stream.of(
                arguments("{\"ForAllValues:StringEquals\":{\"dynamodb:LeadingKeys\":[\"${aws:userid}\"]}}",
                        Map.of(ConditionKeys.LEADING_KEYS, List.of("AIDAALICE0000000000")), true),
                arguments("{\"ForAllValues:StringEquals\":{\"dynamodb:LeadingKeys\":[\"${aws:userid}\"]}}",
                        Map.of(ConditionKeys.LEADING_KEYS, List.of("AIDAALICE0000000000", "someone-else")), false),
                arguments("{\"StringEquals\":{\"dynamodb:LeadingKeys\":\"${aws:username}\"}}",
                        Map.of(ConditionKeys.LEADING_KEYS, List.of("alice")), true),
                arguments("{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}", Map.of(), true),
                arguments("{\"IpAddress\":{\"aws:SourceIp\":\"192.168.0.0/16\"}}", Map.of(), false),
                arguments("{\"Bool\":{\"aws:SecureTransport\":\"true\"}}", Map.of(), false),
                arguments("{\"StringLike\":{\"aws:UserAgent\":\"aws-sdk-java/*\"}}", Map.of(), true),
                arguments("{\"DateLessThan\":{\"aws:CurrentTime\":\"2026-03-01T10:00:01Z\"}}", Map.of(), true),
                arguments("{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2026-03-01T10:00:01Z\"}}", Map.of(), false),
                arguments("{\"NumericEquals\":{\"aws:EpochTime\":\"" + NOW.getEpochSecond() + "\"}}", Map.of(), true),
                arguments("{\"StringEquals\":{\"aws:PrincipalType\":\"User\"}}", Map.of(), true),
                arguments("{\"StringEquals\":{\"aws:PrincipalArn\":\"" + ALICE_ARN + "\"}}", Map.of(), true),
                arguments("{\"StringEquals\":{\"aws:PrincipalAccount\":\"111122223333\"}}", Map.of(), false),
                arguments("{\"StringEquals\":{\"aws:PrincipalTag/Team\":\"blue\"}}", Map.of(), true),
                arguments("{\"StringEquals\":{\"aws:principaltag/team\":\"red\"}}", Map.of(), false),
                arguments("{\"StringEquals\":{\"aws:ResourceTag/Env\":\"prod\"}}", Map.of(), true),
                arguments("{\"StringEquals\":{\"aws:ResourceTag/Env\":\"dev\"}}", Map.of(), false),
                arguments("{\"Null\":{\"aws:ResourceTag/Missing\":\"true\"}}", Map.of(), true),
                arguments("{\"StringEquals\":{\"dynamodb:Select\":\"SPECIFIC_ATTRIBUTES\"}}",
                        Map.of(ConditionKeys.SELECT, List.of("ALL_ATTRIBUTES")), false));
    }

    @ParameterizedTest(name = "{0} with {1}: {2}")
    @MethodSource("globalAndRequestKeys")
    void conditionsSeeGlobalAndRequestKeys(String condition, Map<String, List<String>> keys, boolean allowed) {
        Caller caller = new Caller(List.of(identity("{\"Effect\":\"Allow\",\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\","
                + "\"Condition\":" + condition + "}")), null, Map.of("team", "blue"), "alice", null);
        RequestContext context = new RequestContext("r1", ALICE, "10.1.2.3", false, "aws-sdk-java/2.39.6 md/io#sync");
        List<AuthorizationRequest> requests = List.of(new AuthorizationRequest("dynamodb:GetItem", TABLE, keys));
        ResourceTags tags = arn -> TABLE.equals(arn) ? Map.of("env", "prod") : Map.of();
        IamAuthorizer authorizer = authorizer(p -> caller);
        if (allowed) {
            assertDoesNotThrow(() -> authorizer.authorize(context, requests, tags, ResourcePolicies.NONE));
        } else {
            assertThrows(DynamoException.class, () -> authorizer.authorize(context, requests, tags, ResourcePolicies.NONE));
        }
        assertEquals(0, authorizer.cachedDecisions(), "decisions under conditions are never cached");
    }

    @Test
    void principalTypeNamesTheKindOfCaller() {
        assertEquals("Account", RequestKeys.principalType(ROOT_ARN, true));
        assertEquals("User", RequestKeys.principalType(ALICE_ARN, false));
        assertEquals("AssumedRole", RequestKeys.principalType(SESSION_ARN, false));
        assertEquals("FederatedUser", RequestKeys.principalType("arn:aws:sts::000000000000:federated-user/bob", false));
    }

    @Test
    void resourceTagsAreReadOnlyWhenAPolicyTestsThem() {
        AtomicInteger reads = new AtomicInteger();
        ResourceTags counting = arn -> {
            reads.incrementAndGet();
            return Map.of("env", "prod");
        };
        Caller plain = new Caller(List.of(identity(ALLOW_ALL)), null, Map.of(), "alice", null);
        List<AuthorizationRequest> get = List.of(new AuthorizationRequest("dynamodb:GetItem", TABLE));
        authorizer(p -> plain).authorize(context(ALICE), get, counting, ResourcePolicies.NONE);
        assertEquals(0, reads.get());
        Caller tagged = new Caller(List.of(identity("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/env\":\"prod\"}}}")), null, Map.of(), "alice", null);
        authorizer(p -> tagged).authorize(context(ALICE), get, counting, ResourcePolicies.NONE);
        assertEquals(1, reads.get());
    }

    @Test
    void cachedAllowEndsWhenTheSourceHandsOutAChangedCaller() {
        AtomicReference<Caller> current = new AtomicReference<>(new Caller(List.of(identity(ALLOW_ALL)), null, Map.of(), "alice", null));
        IamAuthorizer authorizer = authorizer(p -> current.get());
        List<AuthorizationRequest> put = List.of(new AuthorizationRequest("dynamodb:PutItem", TABLE));
        authorizer.authorize(context(ALICE), put, noTags(), ResourcePolicies.NONE);
        authorizer.authorize(context(ALICE), put, noTags(), ResourcePolicies.NONE);
        assertEquals(1, authorizer.cachedDecisions(), "the allow is cached");
        current.set(new Caller(List.of(identity(ALLOW_ALL), identity(DENY_PUT)), null, Map.of(), "alice", null));
        DynamoException e = assertThrows(DynamoException.class,
                () -> authorizer.authorize(context(ALICE), put, noTags(), ResourcePolicies.NONE));
        assertEquals(denied(ALICE_ARN, "dynamodb:PutItem", TABLE, "with an explicit deny in an identity-based policy"), e.getMessage());
    }

    @Test
    void cachedAllowEndsWhenTheResourcePolicyChanges() {
        Caller caller = new Caller(List.of(identity(ALLOW_ALL)), null, Map.of(), "alice", null);
        IamAuthorizer authorizer = authorizer(p -> caller);
        AtomicReference<ResourcePolicy> policy = new AtomicReference<>(
                resourcePolicy(principalStatement("Allow", ALICE_ARN, "dynamodb:GetItem"), false));
        ResourcePolicies policies = arn -> Optional.of(policy.get());
        List<AuthorizationRequest> put = List.of(new AuthorizationRequest("dynamodb:PutItem", TABLE));
        authorizer.authorize(context(ALICE), put, noTags(), policies);
        policy.set(resourcePolicy(principalStatement("Deny", ALICE_ARN, "dynamodb:PutItem"), false));
        assertThrows(DynamoException.class, () -> authorizer.authorize(context(ALICE), put, noTags(), policies));
    }

    @Test
    void cachedDecisionsExpireAndTheCacheStaysBounded() {
        AtomicLong nanos = new AtomicLong();
        DecisionCache cache = new DecisionCache(3, 1_000_000_000L, nanos::get);
        Caller caller = Caller.userWithoutPolicies("alice");
        DecisionCache.Key key = new DecisionCache.Key(caller, ALICE_ARN, "dynamodb:GetItem", TABLE, null);
        cache.put(key, io.modyn.auth.iam.policy.Decision.ALLOWED);
        nanos.set(999_999_999L);
        assertEquals(io.modyn.auth.iam.policy.Decision.ALLOWED, cache.get(key));
        nanos.set(1_000_000_000L);
        assertEquals(null, cache.get(key), "expired after a second");
        for (int i = 0; i < 10; i++) {
            cache.put(new DecisionCache.Key(caller, ALICE_ARN, "dynamodb:GetItem", TABLE + i, null),
                    io.modyn.auth.iam.policy.Decision.ALLOWED);
            assertEquals(true, cache.size() <= 3, "bounded");
        }
        assertEquals(null, cache.get(new DecisionCache.Key(Caller.userWithoutPolicies("alice"), ALICE_ARN, "dynamodb:GetItem",
                TABLE + 9, null)), "another caller instance never sees this one's decisions");
    }

    @Test
    void malformedStoredResourcePolicyGrantsNothing() {
        ResourcePolicies broken = arn -> Optional.of(new ResourcePolicy("{not json", true));
        List<AuthorizationRequest> decrypt = List.of(new AuthorizationRequest("kms:Decrypt", KEY));
        DynamoException e = assertThrows(DynamoException.class,
                () -> authorizer(CallerPolicies.NONE).authorize(context(ROOT), decrypt, noTags(), broken));
        assertEquals(denied(ROOT_ARN, "kms:Decrypt", KEY, "because no resource-based policy allows the kms:Decrypt action"),
                e.getMessage());
        ResourcePolicies brokenTable = arn -> Optional.of(new ResourcePolicy("{not json", false));
        assertDoesNotThrow(() -> authorizer(CallerPolicies.NONE).authorize(context(ROOT),
                List.of(new AuthorizationRequest("dynamodb:GetItem", TABLE)), noTags(), brokenTable));
    }

    static IamAuthorizer authorizer(CallerPolicies callers) {
        return new IamAuthorizer("us-east-1", callers, Clock.fixed(NOW, ZoneOffset.UTC), System::nanoTime);
    }

    static RequestContext context(Principal principal) {
        return new RequestContext("request-1", principal, "127.0.0.1", false, "aws-cli/2.0");
    }

    static ResourceTags noTags() {
        return arn -> Map.of();
    }
}
