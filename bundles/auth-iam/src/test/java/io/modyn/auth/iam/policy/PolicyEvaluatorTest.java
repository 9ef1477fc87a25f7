package io.modyn.auth.iam.policy;

import static io.modyn.auth.iam.policy.Policies.ALICE;
import static io.modyn.auth.iam.policy.Policies.BOB;
import static io.modyn.auth.iam.policy.Policies.TABLE_T;
import static io.modyn.auth.iam.policy.Policies.alice;
import static io.modyn.auth.iam.policy.Policies.decide;
import static io.modyn.auth.iam.policy.Policies.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Matching of actions, resources and variables, and AWS's precedence between policies. */
class PolicyEvaluatorTest {

    private static final String INDEX_I = TABLE_T + "/index/I";

    static Stream<Arguments> actionsAndResources() {
        return Stream.of(
                // action wildcards, case-insensitive in prefix and name
                arguments("\"dynamodb:GetItem\"", "\"*\"", "dynamodb:GetItem", TABLE_T, true),
                arguments("\"DynamoDB:getitem\"", "\"*\"", "dynamodb:GetItem", TABLE_T, true),
                arguments("\"dynamodb:Get*\"", "\"*\"", "dynamodb:GetItem", TABLE_T, true),
                arguments("\"dynamodb:Get*\"", "\"*\"", "dynamodb:PutItem", TABLE_T, false),
                arguments("\"dynamodb:?etItem\"", "\"*\"", "dynamodb:GetItem", TABLE_T, true),
                arguments("\"dynamodb:?etItem\"", "\"*\"", "dynamodb:BatchGetItem", TABLE_T, false),
                arguments("\"dynamodb:*\"", "\"*\"", "dynamodb:Query", TABLE_T, true),
                arguments("\"dynamodb:*\"", "\"*\"", "iam:CreateUser", TABLE_T, false),
                arguments("\"*\"", "\"*\"", "iam:CreateUser", TABLE_T, true),
                arguments("[\"dynamodb:PutItem\",\"dynamodb:GetItem\"]", "\"*\"", "dynamodb:GetItem", TABLE_T, true),
                arguments("\"*:GetItem\"", "\"*\"", "dynamodb:GetItem", TABLE_T, true),
                // ARN wildcards per part; the resource part is case-sensitive
                arguments("\"dynamodb:*\"", "\"arn:aws:dynamodb:us-east-1:000000000000:table/T\"", "dynamodb:GetItem", TABLE_T, true),
                arguments("\"dynamodb:*\"", "\"arn:aws:dynamodb:us-east-1:000000000000:table/t\"", "dynamodb:GetItem", TABLE_T, false),
                arguments("\"dynamodb:*\"", "\"arn:aws:dynamodb:*:*:table/T\"", "dynamodb:GetItem", TABLE_T, true),
                arguments("\"dynamodb:*\"", "\"arn:aws:dynamodb:*:*:table/T\"", "dynamodb:Query", INDEX_I, false),
                arguments("\"dynamodb:*\"", "\"arn:aws:dynamodb:*:*:table/T/index/*\"", "dynamodb:Query", INDEX_I, true),
                arguments("\"dynamodb:*\"", "\"arn:aws:dynamodb:*:*:table/T*\"", "dynamodb:Query", INDEX_I, true),
                arguments("\"dynamodb:*\"", "\"arn:aws:dynamodb:us-east-?:*:table/T\"", "dynamodb:GetItem", TABLE_T, true),
                arguments("\"dynamodb:*\"", "\"arn:aws:dynamodb:eu-*:*:table/T\"", "dynamodb:GetItem", TABLE_T, false),
                arguments("\"dynamodb:*\"", "\"arn:aws:dynamodb:*:111122223333:table/T\"", "dynamodb:GetItem", TABLE_T, false),
                // a wildcard does not span the colons between ARN parts
                arguments("\"dynamodb:*\"", "\"arn:aws:dynamodb:*:table/T:*\"", "dynamodb:GetItem", TABLE_T, false),
                arguments("\"dynamodb:*\"", "\"arn:aws:dynamodb:us-east-1:000000000000:stream/*\"", "dynamodb:GetRecords",
                        TABLE_T + "/stream/2026-01-01T00:00:00.000", false),
                arguments("\"dynamodb:*\"", "\"arn:aws:dynamodb:us-east-1:000000000000:table/T/stream/*\"", "dynamodb:GetRecords",
                        TABLE_T + "/stream/2026-01-01T00:00:00.000", true));
    }

    @ParameterizedTest(name = "Action {0} Resource {1} covers {2} on {3}: {4}")
    @MethodSource("actionsAndResources")
    void actionsAndResourcesMatchAsIamDoes(String action, String resource, String requestAction, String requestResource,
            boolean allowed) {
        PolicyDocument p = statement("Allow", action, resource, null);
        assertEquals(allowed ? Decision.ALLOWED : Decision.NO_IDENTITY_POLICY_ALLOWS,
                decide(alice(requestAction, requestResource).build(), p));
    }

    @Test
    void notActionAllowsEverythingItDoesNotList() {
        PolicyDocument p = identity("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"NotAction\":[\"dynamodb:Delete*\",\"iam:*\"],\"Resource\":\"*\"}}");
        assertEquals(Decision.ALLOWED, decide(alice("dynamodb:PutItem", TABLE_T).build(), p));
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS, decide(alice("dynamodb:DeleteItem", TABLE_T).build(), p));
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS, decide(alice("IAM:CreateUser", "*").build(), p));
    }

    @Test
    void notResourceDenyProtectsAllButTheListedTables() {
        PolicyDocument allowAll = statement("Allow", "\"dynamodb:*\"", "\"*\"", null);
        PolicyDocument denyOthers = identity("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\","
                + "\"Action\":\"dynamodb:*\",\"NotResource\":[\"arn:aws:dynamodb:*:*:table/T\",\"arn:aws:dynamodb:*:*:table/T/*\"]}}");
        assertEquals(Decision.ALLOWED, decide(alice("dynamodb:GetItem", TABLE_T).build(), allowAll, denyOthers));
        assertEquals(Decision.ALLOWED, decide(alice("dynamodb:Query", INDEX_I).build(), allowAll, denyOthers));
        assertEquals(Decision.EXPLICIT_DENY_IDENTITY_POLICY,
                decide(alice("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:000000000000:table/U").build(), allowAll, denyOthers));
    }

    static Stream<Arguments> variables() {
        String users = "arn:aws:dynamodb:us-east-1:000000000000:table/";
        return Stream.of(
                arguments("table/${aws:username}", users + "alice", true),
                arguments("table/${aws:username}", users + "bob", false),
                arguments("table/${AWS:UserName}", users + "alice", true), // key names are case-insensitive
                arguments("table/${aws:userid}-data", users + "AIDAALICE-data", true),
                arguments("table/${aws:PrincipalTag/team}-*", users + "blue-orders", true),
                arguments("table/${aws:principaltag/TEAM}-*", users + "blue-orders", true),
                arguments("table/${aws:PrincipalTag/missing}", users + "blue", false),
                arguments("table/${aws:PrincipalTag/missing}*", users + "anything", false),
                arguments("table/${aws:PrincipalTag/missing, 'shared'}", users + "shared", true),
                arguments("table/${aws:username, 'shared'}", users + "alice", true),
                arguments("table/${aws:PrincipalTag/missing, 'it''s'}", users + "it's", true),
                arguments("table/${aws:SourceIp}", users + "203.0.113.9", true),
                // the escapes are literal characters, not wildcards
                arguments("table/a${*}b", users + "a*b", true),
                arguments("table/a${*}b", users + "axxb", false),
                arguments("table/a${?}b", users + "a?b", true),
                arguments("table/a${?}b", users + "axb", false),
                arguments("table/a${$}b", users + "a$b", true),
                // a multivalued key is no variable
                arguments("table/${dynamodb:Attributes}", users + "id", false),
                // a substituted value is literal: a user name holding '*' is no wildcard
                arguments("table/${s:literal}", users + "anything", false),
                arguments("table/${s:literal}", users + "x*", true));
    }

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @MethodSource("variables")
    void policyVariablesAreSubstitutedFromTheRequest(String resourcePart, String resource, boolean allowed) {
        PolicyDocument p = statement("Allow", "\"dynamodb:*\"", "\"arn:aws:dynamodb:us-east-1:000000000000:" + resourcePart + "\"", null);
        AuthorizationRequest r = alice("dynamodb:GetItem", resource).context("aws:PrincipalTag/Team", "blue")
                .context("aws:SourceIp", "203.0.113.9").context("dynamodb:Attributes", "id", "name")
                .context("s:literal", "x*").build();
        assertEquals(allowed ? Decision.ALLOWED : Decision.NO_IDENTITY_POLICY_ALLOWS, decide(r, p));
    }

    @Test
    void variablesInConditionValuesAreSubstituted() {
        PolicyDocument p = statement("Allow", "\"dynamodb:*\"", "\"*\"",
                "{\"StringEquals\":{\"s:owner\":\"${aws:username}\"},\"StringLike\":{\"s:path\":\"home/${aws:username}/*\"}}");
        assertEquals(Decision.ALLOWED,
                decide(alice("dynamodb:GetItem", TABLE_T).context("s:owner", "alice").context("s:path", "home/alice/x").build(), p));
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS,
                decide(alice("dynamodb:GetItem", TABLE_T).context("s:owner", "bob").context("s:path", "home/alice/x").build(), p));
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS,
                decide(alice("dynamodb:GetItem", TABLE_T).context("s:owner", "alice").context("s:path", "home/bob/x").build(), p));
    }

    @Test
    void version2008TreatsVariablesAsText() {
        PolicyDocument p = identity("{\"Version\":\"2008-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"dynamodb:*\","
                + "\"Resource\":\"arn:aws:dynamodb:us-east-1:000000000000:table/${aws:username}\"}}");
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS,
                decide(alice("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:000000000000:table/alice").build(), p));
        assertEquals(Decision.ALLOWED,
                decide(alice("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:000000000000:table/${aws:username}").build(), p));
    }

    @Test
    void withoutAnyPolicyTheRequestIsImplicitlyDenied() {
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS, decide(alice("dynamodb:GetItem", TABLE_T).build()));
    }

    @Test
    void explicitDenyInAnyIdentityPolicyBeatsAllowsInOthers() {
        PolicyDocument allow = statement("Allow", "\"dynamodb:*\"", "\"*\"", null);
        PolicyDocument deny = statement("Deny", "\"dynamodb:PutItem\"", "\"" + TABLE_T + "\"", null);
        assertEquals(Decision.EXPLICIT_DENY_IDENTITY_POLICY, decide(alice("dynamodb:PutItem", TABLE_T).build(), allow, deny));
        assertEquals(Decision.EXPLICIT_DENY_IDENTITY_POLICY, decide(alice("dynamodb:PutItem", TABLE_T).build(), deny, allow));
        assertEquals(Decision.ALLOWED, decide(alice("dynamodb:GetItem", TABLE_T).build(), allow, deny));
    }

    @Test
    void resourcePolicyNamingTheUserAllowsWithoutAnyIdentityPolicy() {
        PolicyDocument resource = resourcePolicy("Allow", "{\"AWS\":\"" + ALICE + "\"}", "dynamodb:GetItem");
        PolicySet set = PolicySet.of(List.of()).withResourcePolicy(resource);
        assertEquals(Decision.ALLOWED, PolicyEvaluator.evaluate(alice("dynamodb:GetItem", TABLE_T).build(), set));
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS, PolicyEvaluator.evaluate(alice("dynamodb:PutItem", TABLE_T).build(), set));
        AuthorizationRequest bob = AuthorizationRequest.builder().principal(BOB).action("dynamodb:GetItem").resource(TABLE_T).build();
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS, PolicyEvaluator.evaluate(bob, set));
    }

    @Test
    void resourcePolicyNamingOnlyTheAccountLeavesTheDecisionToIdentityPolicies() {
        PolicyDocument resource = resourcePolicy("Allow", "{\"AWS\":\"arn:aws:iam::000000000000:root\"}", "dynamodb:*");
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS, PolicyEvaluator.evaluate(alice("dynamodb:GetItem", TABLE_T).build(),
                PolicySet.of(List.of()).withResourcePolicy(resource)));
        AuthorizationRequest root = AuthorizationRequest.builder().principal("arn:aws:iam::000000000000:root")
                .action("dynamodb:GetItem").resource(TABLE_T).build();
        assertEquals(Decision.ALLOWED, PolicyEvaluator.evaluate(root, PolicySet.of(List.of()).withResourcePolicy(resource)));
    }

    @Test
    void explicitDenyInTheResourcePolicyBeatsIdentityAllow() {
        PolicyDocument allow = statement("Allow", "\"dynamodb:*\"", "\"*\"", null);
        PolicyDocument resource = resourcePolicy("Deny", "\"*\"", "dynamodb:DeleteItem");
        PolicySet set = PolicySet.of(List.of(allow)).withResourcePolicy(resource);
        assertEquals(Decision.EXPLICIT_DENY_RESOURCE_POLICY, PolicyEvaluator.evaluate(alice("dynamodb:DeleteItem", TABLE_T).build(), set));
        assertEquals(Decision.ALLOWED, PolicyEvaluator.evaluate(alice("dynamodb:GetItem", TABLE_T).build(), set));
        // a Deny naming the account applies to its users
        PolicyDocument accountDeny = resourcePolicy("Deny", "{\"AWS\":\"000000000000\"}", "dynamodb:GetItem");
        assertEquals(Decision.EXPLICIT_DENY_RESOURCE_POLICY, PolicyEvaluator.evaluate(alice("dynamodb:GetItem", TABLE_T).build(),
                PolicySet.of(List.of(allow)).withResourcePolicy(accountDeny)));
    }

    @Test
    void notPrincipalDenyAppliesToEveryoneElse() {
        PolicyDocument allow = statement("Allow", "\"dynamodb:*\"", "\"*\"", null);
        PolicyDocument resource = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\","
                + "\"NotPrincipal\":{\"AWS\":[\"" + ALICE + "\"]},\"Action\":\"dynamodb:*\",\"Resource\":\"*\"}}", PolicyKind.RESOURCE);
        PolicySet set = PolicySet.of(List.of(allow)).withResourcePolicy(resource);
        assertEquals(Decision.ALLOWED, PolicyEvaluator.evaluate(alice("dynamodb:GetItem", TABLE_T).build(), set));
        AuthorizationRequest bob = AuthorizationRequest.builder().principal(BOB).action("dynamodb:GetItem").resource(TABLE_T).build();
        assertEquals(Decision.EXPLICIT_DENY_RESOURCE_POLICY, PolicyEvaluator.evaluate(bob, set));
    }

    @Test
    void sessionPoliciesOnlyNarrowTheRolesPermissions() {
        String session = "arn:aws:sts::000000000000:assumed-role/Reader/s1";
        String role = "arn:aws:iam::000000000000:role/Reader";
        PolicyDocument rolePolicy = statement("Allow", "[\"dynamodb:GetItem\",\"dynamodb:PutItem\"]", "\"*\"", null);
        PolicyDocument sessionPolicy = statement("Allow", "[\"dynamodb:GetItem\",\"dynamodb:DeleteItem\"]", "\"*\"", null);
        PolicySet set = PolicySet.of(List.of(rolePolicy)).withSessionPolicies(List.of(sessionPolicy));
        AuthorizationRequest.Builder r = AuthorizationRequest.builder().principal(session).role(role).resource(TABLE_T);
        assertEquals(Decision.ALLOWED, PolicyEvaluator.evaluate(r.action("dynamodb:GetItem").build(), set));
        assertEquals(Decision.NO_SESSION_POLICY_ALLOWS, PolicyEvaluator.evaluate(r.action("dynamodb:PutItem").build(), set));
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS, PolicyEvaluator.evaluate(r.action("dynamodb:DeleteItem").build(), set));

        PolicyDocument sessionDeny = statement("Deny", "\"dynamodb:GetItem\"", "\"*\"", null);
        assertEquals(Decision.EXPLICIT_DENY_SESSION_POLICY, PolicyEvaluator.evaluate(r.action("dynamodb:GetItem").build(),
                PolicySet.of(List.of(rolePolicy)).withSessionPolicies(List.of(sessionPolicy, sessionDeny))));

        // a resource policy naming the role grants through the session policy; naming the session, directly
        PolicyDocument toRole = resourcePolicy("Allow", "{\"AWS\":\"" + role + "\"}", "dynamodb:*");
        PolicySet viaRole = PolicySet.of(List.of()).withSessionPolicies(List.of(sessionPolicy)).withResourcePolicy(toRole);
        assertEquals(Decision.ALLOWED, PolicyEvaluator.evaluate(r.action("dynamodb:DeleteItem").build(), viaRole));
        assertEquals(Decision.NO_SESSION_POLICY_ALLOWS, PolicyEvaluator.evaluate(r.action("dynamodb:Scan").build(), viaRole));
        PolicyDocument toSession = resourcePolicy("Allow", "{\"AWS\":\"" + session + "\"}", "dynamodb:*");
        PolicySet direct = PolicySet.of(List.of()).withSessionPolicies(List.of(sessionPolicy)).withResourcePolicy(toSession);
        assertEquals(Decision.ALLOWED, PolicyEvaluator.evaluate(r.action("dynamodb:Scan").build(), direct));
    }

    @Test
    void oneCompiledPolicySetServesManyThreadsAtOnce() throws Exception {
        PolicyDocument p = statement("Allow", "\"dynamodb:*\"", "\"arn:aws:dynamodb:*:*:table/${aws:username}*\"",
                "{\"ForAllValues:StringEquals\":{\"dynamodb:LeadingKeys\":\"${aws:username}\"}}");
        PolicySet set = PolicySet.of(List.of(p));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String user = "user" + t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        AuthorizationRequest own = AuthorizationRequest.builder().principal("arn:aws:iam::000000000000:user/" + user)
                                .action("dynamodb:GetItem").resource("arn:aws:dynamodb:us-east-1:000000000000:table/" + user + "-data")
                                .context("aws:username", user).context("dynamodb:LeadingKeys", user).build();
                        AuthorizationRequest other = AuthorizationRequest.builder().principal("arn:aws:iam::000000000000:user/" + user)
                                .action("dynamodb:GetItem").resource("arn:aws:dynamodb:us-east-1:000000000000:table/other")
                                .context("aws:username", user).context("dynamodb:LeadingKeys", user).build();
                        if (!PolicyEvaluator.evaluate(own, set).isAllowed() || PolicyEvaluator.evaluate(other, set).isAllowed()) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> f : results) {
                assertEquals(true, f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void accessDeniedMessagesUseAwsWording() {
        AuthorizationRequest r = alice("dynamodb:PutItem", TABLE_T).build();
        assertEquals("User: arn:aws:iam::000000000000:user/alice is not authorized to perform: dynamodb:PutItem on resource: "
                + "arn:aws:dynamodb:us-east-1:000000000000:table/T because no identity-based policy allows the dynamodb:PutItem action",
                AccessDeniedMessage.of(Decision.NO_IDENTITY_POLICY_ALLOWS, r));
        assertEquals("User: arn:aws:iam::000000000000:user/alice is not authorized to perform: dynamodb:PutItem on resource: "
                + "arn:aws:dynamodb:us-east-1:000000000000:table/T with an explicit deny in an identity-based policy",
                AccessDeniedMessage.of(Decision.EXPLICIT_DENY_IDENTITY_POLICY, r));
        assertEquals("User: arn:aws:iam::000000000000:user/alice is not authorized to perform: dynamodb:PutItem on resource: "
                + "arn:aws:dynamodb:us-east-1:000000000000:table/T with an explicit deny in a resource-based policy",
                AccessDeniedMessage.of(Decision.EXPLICIT_DENY_RESOURCE_POLICY, r));
        assertThrows(IllegalArgumentException.class, () -> AccessDeniedMessage.of(Decision.ALLOWED, r));
    }

    private static PolicyDocument identity(String json) {
        return PolicyDocument.parse(json, PolicyKind.IDENTITY);
    }

    private static PolicyDocument resourcePolicy(String effect, String principal, String action) {
        return PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"" + effect + "\",\"Principal\":"
                + principal + ",\"Action\":\"" + action + "\",\"Resource\":\"" + TABLE_T + "\"}}", PolicyKind.RESOURCE);
    }
}
