package io.modyn.auth.iam.policy;

import static io.modyn.auth.iam.policy.Policies.ALICE;
import static io.modyn.auth.iam.policy.Policies.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fine-grained access control examples of the DynamoDB Developer Guide ("Using IAM policy
 * conditions for fine-grained access control"), restated as our own policy files under
 * src/test/resources/policies, with {@code ${aws:username}} where the guide uses a web identity's
 * user id. The context keys are those the server will compute per request.
 */
class DynamoDbFineGrainedPoliciesTest {

    private static final String GAME_SCORES = "arn:aws:dynamodb:us-east-1:000000000000:table/GameScores";
    private static final String INDEX = GAME_SCORES + "/index/TopScoreDateTimeIndex";

    private static AuthorizationRequest.Builder alice(String action, String resource) {
        return Policies.alice(action, resource);
    }

    private static Decision decide(String policyFile, AuthorizationRequest request) {
        return Policies.decide(request, Policies.resource(policyFile, PolicyKind.IDENTITY));
    }

    @Test
    void leadingKeysLimitAUserToItsOwnPartition() {
        String policy = "leading-keys-own-partition.json";
        assertEquals(Decision.ALLOWED, decide(policy,
                alice("dynamodb:GetItem", GAME_SCORES).context("dynamodb:LeadingKeys", "alice").build()));
        assertEquals(Decision.ALLOWED, decide(policy,
                alice("dynamodb:PutItem", GAME_SCORES).context("dynamodb:LeadingKeys", "alice").build()));
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS, decide(policy,
                alice("dynamodb:GetItem", GAME_SCORES).context("dynamodb:LeadingKeys", "bob").build()));
        // a batch reads several partitions: every one must be the user's own
        assertEquals(Decision.ALLOWED, decide(policy,
                alice("dynamodb:BatchGetItem", GAME_SCORES).context("dynamodb:LeadingKeys", "alice", "alice").build()));
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS, decide(policy,
                alice("dynamodb:BatchGetItem", GAME_SCORES).context("dynamodb:LeadingKeys", "alice", "bob").build()));
        // operations the policy does not list, and other tables, stay denied
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS, decide(policy,
                alice("dynamodb:Scan", GAME_SCORES).context("dynamodb:LeadingKeys", "alice").build()));
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS, decide(policy,
                alice("dynamodb:GetItem", GAME_SCORES + "2").context("dynamodb:LeadingKeys", "alice").build()));
        // the variable is the caller's own name: bob gets his partition, not alice's
        AuthorizationRequest.Builder bob = AuthorizationRequest.builder().principal(BOB).action("dynamodb:GetItem")
                .resource(GAME_SCORES).context("aws:username", "bob");
        assertEquals(Decision.ALLOWED, decide(policy, bob.context("dynamodb:LeadingKeys", "bob").build()));
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS, decide(policy, bob.context("dynamodb:LeadingKeys", "alice").build()));
        // a principal without a user name (a role session) matches no partition
        AuthorizationRequest role = AuthorizationRequest.builder().principal("arn:aws:sts::000000000000:assumed-role/R/s")
                .action("dynamodb:GetItem").resource(GAME_SCORES).context("dynamodb:LeadingKeys", "alice").build();
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS, decide(policy, role));
    }

    @Test
    void leadingKeysAbsentSatisfiesForAllValuesSoTheServerMustAlwaysSendThem() {
        // IAM's documented ForAllValues semantics: an absent key matches. Callers must therefore put
        // dynamodb:LeadingKeys into the context of every item operation on a table.
        assertEquals(Decision.ALLOWED, decide("leading-keys-own-partition.json", alice("dynamodb:Query", GAME_SCORES).build()));
    }

    @Test
    void attributeRestrictedReaderSeesOnlyTheListedAttributes() {
        String policy = "attributes-restricted-reader.json";
        AuthorizationRequest.Builder own = alice("dynamodb:GetItem", GAME_SCORES).context("dynamodb:LeadingKeys", "alice");
        assertEquals(Decision.ALLOWED, decide(policy, own.context("dynamodb:Attributes", "UserId", "TopScore")
                .context("dynamodb:Select", "SPECIFIC_ATTRIBUTES").build()));
        // no Select at all (GetItem with a projection): StringEqualsIfExists lets it pass
        assertEquals(Decision.ALLOWED, decide(policy, alice("dynamodb:GetItem", GAME_SCORES)
                .context("dynamodb:LeadingKeys", "alice").context("dynamodb:Attributes", "GameTitle").build()));
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS, decide(policy, own.context("dynamodb:Attributes", "UserId", "Secret")
                .context("dynamodb:Select", "SPECIFIC_ATTRIBUTES").build()));
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS, decide(policy, own.context("dynamodb:Attributes", "UserId")
                .context("dynamodb:Select", "ALL_ATTRIBUTES").build()));
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS, decide(policy, alice("dynamodb:Query", GAME_SCORES)
                .context("dynamodb:LeadingKeys", "bob").context("dynamodb:Attributes", "UserId")
                .context("dynamodb:Select", "SPECIFIC_ATTRIBUTES").build()));
    }

    @Test
    void updatesAreLimitedToSomeAttributesAndReturnValues() {
        String policy = "update-certain-attributes.json";
        AuthorizationRequest.Builder update = alice("dynamodb:UpdateItem", GAME_SCORES)
                .context("dynamodb:Attributes", "UserId", "GameTitle", "Wins");
        assertEquals(Decision.ALLOWED, decide(policy, update.build()));
        assertEquals(Decision.ALLOWED, decide(policy, update.context("dynamodb:ReturnValues", "UPDATED_NEW").build()));
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS, decide(policy, update.context("dynamodb:ReturnValues", "ALL_NEW").build()));
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS, decide(policy, alice("dynamodb:UpdateItem", GAME_SCORES)
                .context("dynamodb:Attributes", "UserId", "TopScoreDateTime").build()));
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS, decide(policy, alice("dynamodb:PutItem", GAME_SCORES)
                .context("dynamodb:Attributes", "UserId").build()));
    }

    @Test
    void indexQueriesMayAskForProjectedAttributesOnly() {
        String policy = "index-projected-attributes.json";
        AuthorizationRequest.Builder query = alice("dynamodb:Query", INDEX).context("dynamodb:Attributes", "GameTitle", "Wins");
        assertEquals(Decision.ALLOWED, decide(policy, query.context("dynamodb:Select", "SPECIFIC_ATTRIBUTES").build()));
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS, decide(policy,
                query.context("dynamodb:Select", "ALL_PROJECTED_ATTRIBUTES").build()));
        // Select is required here (no IfExists)
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS, decide(policy,
                alice("dynamodb:Query", INDEX).context("dynamodb:Attributes", "GameTitle").build()));
        // the index's ARN is not the table's
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS, decide(policy, alice("dynamodb:Query", GAME_SCORES)
                .context("dynamodb:Attributes", "GameTitle").context("dynamodb:Select", "SPECIFIC_ATTRIBUTES").build()));
    }

    @Test
    void denyByAddressAndTransportOverridesAnAllowAll() {
        PolicyDocument allowAll = Policies.statement("Allow", "\"dynamodb:*\"", "\"*\"", null);
        PolicyDocument guard = Policies.resource("deny-deletes-outside-office.json", PolicyKind.IDENTITY);
        AuthorizationRequest.Builder delete = alice("dynamodb:DeleteItem", GAME_SCORES).context("aws:SecureTransport", "true");
        assertEquals(Decision.ALLOWED, Policies.decide(delete.context("aws:SourceIp", "203.0.113.10").build(), allowAll, guard));
        assertEquals(Decision.ALLOWED, Policies.decide(delete.context("aws:SourceIp", "2001:db8:1234:5::1").build(), allowAll, guard));
        assertEquals(Decision.EXPLICIT_DENY_IDENTITY_POLICY,
                Policies.decide(delete.context("aws:SourceIp", "198.51.100.7").build(), allowAll, guard));
        assertEquals(Decision.EXPLICIT_DENY_IDENTITY_POLICY, Policies.decide(alice("dynamodb:GetItem", GAME_SCORES)
                .context("aws:SourceIp", "203.0.113.10").context("aws:SecureTransport", "false").build(), allowAll, guard));
    }

    @Test
    void tableResourcePolicyGrantsAnotherUserAndDeniesDroppingTheTable() {
        PolicyDocument table = Policies.resource("table-resource-policy.json", PolicyKind.RESOURCE);
        PolicyDocument aliceAdmin = Policies.statement("Allow", "\"dynamodb:*\"", "\"*\"", null);
        AuthorizationRequest.Builder bob = AuthorizationRequest.builder().principal(BOB).resource(INDEX);
        assertEquals(Decision.ALLOWED, PolicyEvaluator.evaluate(bob.action("dynamodb:Query").build(),
                PolicySet.of(List.of()).withResourcePolicy(table)));
        assertEquals(Decision.NO_IDENTITY_POLICY_ALLOWS, PolicyEvaluator.evaluate(bob.action("dynamodb:PutItem").build(),
                PolicySet.of(List.of()).withResourcePolicy(table)));
        AuthorizationRequest drop = alice("dynamodb:DeleteTable", GAME_SCORES).build();
        Decision d = PolicyEvaluator.evaluate(drop, PolicySet.of(List.of(aliceAdmin)).withResourcePolicy(table));
        assertEquals(Decision.EXPLICIT_DENY_RESOURCE_POLICY, d);
        assertEquals("User: " + ALICE + " is not authorized to perform: dynamodb:DeleteTable on resource: " + GAME_SCORES
                + " with an explicit deny in a resource-based policy", AccessDeniedMessage.of(d, drop));
    }
}
