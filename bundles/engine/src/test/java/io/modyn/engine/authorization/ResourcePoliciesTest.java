package io.modyn.engine.authorization;

import static io.modyn.engine.authorization.AuthorizationFixture.CONTEXT;
import static io.modyn.engine.authorization.AuthorizationFixture.MUSIC_ARN;
import static io.modyn.engine.authorization.AuthorizationFixture.SCORES_ARN;
import static io.modyn.engine.authorization.AuthorizationFixture.assertRequest;
import static io.modyn.engine.authorization.AuthorizationFixture.s;
import static io.modyn.engine.authorization.AuthorizationFixture.song;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.auth.ResourcePolicies;
import io.modyn.api.auth.ResourcePolicy;
import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.DeleteResourcePolicyRequest;
import io.modyn.api.dynamodb.GetItemRequest;
import io.modyn.api.dynamodb.GetResourcePolicyRequest;
import io.modyn.api.dynamodb.PutResourcePolicyRequest;
import io.modyn.api.dynamodb.QueryRequest;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.streams.DescribeStreamRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Resource-based policies and the authorizer: the three operations' IAM actions, and the stored
 * policies handed over through ResourcePolicies (a table's for its indexes too, a stream's own).
 */
class ResourcePoliciesTest {

    // In canonical form, so that they read back as sent.
    private static final String TABLE_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":[\"dynamodb:GetItem\",\"dynamodb:Query\"],"
            + "\"Resource\":[\"" + MUSIC_ARN + "\",\"" + MUSIC_ARN + "/index/*\"]}]}";
    private static final String STREAM_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"dynamodb:DescribeStream\",\"Resource\":\"" + MUSIC_ARN + "/stream/*\"}]}";

    private final AuthorizationFixture fixture = new AuthorizationFixture();

    private void assertOnlyRequest(String action, String resource) {
        List<AuthorizationRequest> requests = fixture.authorizer.onlyCall();
        assertEquals(1, requests.size());
        assertRequest(requests.get(0), action, resource, Map.of());
    }

    @Test
    void eachOperationAsksItsActionOnTheResourceArn() {
        fixture.engine.putResourcePolicy(new PutResourcePolicyRequest(MUSIC_ARN, TABLE_POLICY, null, null), CONTEXT);
        assertOnlyRequest("dynamodb:PutResourcePolicy", MUSIC_ARN);
        fixture.authorizer.clear();
        fixture.engine.getResourcePolicy(new GetResourcePolicyRequest(MUSIC_ARN), CONTEXT);
        assertOnlyRequest("dynamodb:GetResourcePolicy", MUSIC_ARN);
        fixture.authorizer.clear();
        fixture.engine.putResourcePolicy(new PutResourcePolicyRequest(fixture.musicStreamArn, STREAM_POLICY, null, null), CONTEXT);
        assertOnlyRequest("dynamodb:PutResourcePolicy", fixture.musicStreamArn);
        fixture.authorizer.clear();
        fixture.engine.deleteResourcePolicy(new DeleteResourcePolicyRequest(fixture.musicStreamArn, null), CONTEXT);
        assertOnlyRequest("dynamodb:DeleteResourcePolicy", fixture.musicStreamArn);
    }

    @Test
    void aDeniedPutAttachesNothing() {
        fixture.authorizer.denyAction("dynamodb:PutResourcePolicy");
        DynamoException e = assertThrows(DynamoException.class,
                () -> fixture.engine.putResourcePolicy(new PutResourcePolicyRequest(MUSIC_ARN, TABLE_POLICY, null, null), CONTEXT));
        assertSame(fixture.authorizer.lastDenial, e);
        fixture.authorizer.deny(request -> false);
        DynamoException none = assertThrows(DynamoException.class,
                () -> fixture.engine.getResourcePolicy(new GetResourcePolicyRequest(MUSIC_ARN), CONTEXT));
        assertEquals(ErrorType.POLICY_NOT_FOUND, none.type());
    }

    @Test
    void createTableWithAResourcePolicyAlsoAsksPutResourcePolicy() {
        String plays = "arn:aws:dynamodb:eu-west-3:123456789012:table/Plays";
        fixture.engine.createTable(new CreateTableRequest("Plays", List.of(new AttributeDefinition("Id", "S")),
                List.of(new KeySchemaElement("Id", "HASH")), "PAY_PER_REQUEST", null, null, null, null, null, null, null,
                TABLE_POLICY), CONTEXT);
        List<AuthorizationRequest> requests = fixture.authorizer.onlyCall();
        assertEquals(2, requests.size());
        assertRequest(requests.get(0), "dynamodb:CreateTable", plays, Map.of());
        assertRequest(requests.get(1), "dynamodb:PutResourcePolicy", plays, Map.of());
    }

    @Test
    void theAuthorizerSeesTheTablesPolicyForTheTableAndItsIndexesAndTheStreamsOwnForTheStream() {
        fixture.engine.putResourcePolicy(new PutResourcePolicyRequest(MUSIC_ARN, TABLE_POLICY, null, null), CONTEXT);
        fixture.engine.putResourcePolicy(new PutResourcePolicyRequest(fixture.musicStreamArn, STREAM_POLICY, null, null), CONTEXT);
        fixture.authorizer.clear();

        fixture.engine.getItem(new GetItemRequest("Music", song("Acme", "Hello"), null, null, null, null, null), CONTEXT);
        fixture.engine.query(new QueryRequest("Music", "ByAlbum", null, null, null, null, null, null, null, null, null, null,
                null, null, "Album = :al", null, Map.of(":al", s("Best Of"))), CONTEXT);
        fixture.streams.service().describeStream(new DescribeStreamRequest(fixture.musicStreamArn, null, null), CONTEXT);
        fixture.engine.getItem(new GetItemRequest("Scores", Map.of("Id", io.modyn.api.model.AttributeValue.n("1")), null, null, null, null, null), CONTEXT);

        List<RecordingAuthorizer.Call> calls = fixture.authorizer.calls;
        assertEquals(4, calls.size());
        assertEquals(Optional.of(new ResourcePolicy(TABLE_POLICY, false)), calls.get(0).resourcePolicies().of(MUSIC_ARN));
        assertEquals(Optional.of(new ResourcePolicy(TABLE_POLICY, false)), calls.get(1).resourcePolicies().of(MUSIC_ARN + "/index/ByAlbum"));
        assertEquals(Optional.of(new ResourcePolicy(STREAM_POLICY, false)), calls.get(2).resourcePolicies().of(fixture.musicStreamArn));
        ResourcePolicies scores = calls.get(3).resourcePolicies();
        assertEquals(Optional.empty(), scores.of(SCORES_ARN));
        assertEquals(Optional.empty(), scores.of("*"));
        assertEquals(Optional.empty(), scores.of("arn:aws:dynamodb:us-east-1:123456789012:table/Music"));
        assertEquals(Optional.empty(), scores.of(MUSIC_ARN + "/stream/2020-01-01T00:00:00.000"));
    }

    @Test
    void policiesAreReadWhenAskedAndThenKeptForTheRestOfTheRequest() {
        fixture.authorizers.unbind(fixture.authorizer);
        // Built before the policy exists: a policy read at construction would be missed.
        ResourcePolicies policies = new TableResourcePolicies(fixture.binding, new ResourceArns(AuthorizationFixture.SETTINGS));
        fixture.engine.putResourcePolicy(new PutResourcePolicyRequest(MUSIC_ARN, TABLE_POLICY, null, null), CONTEXT);
        assertEquals(Optional.of(new ResourcePolicy(TABLE_POLICY, false)), policies.of(MUSIC_ARN + "/index/ByAlbum"));

        fixture.engine.deleteResourcePolicy(new DeleteResourcePolicyRequest(MUSIC_ARN, null), CONTEXT);
        // Read once per request: the table's policy as first read, for the table and its indexes alike.
        assertEquals(Optional.of(new ResourcePolicy(TABLE_POLICY, false)), policies.of(MUSIC_ARN));
        assertEquals(Optional.of(new ResourcePolicy(TABLE_POLICY, false)), policies.of(MUSIC_ARN + "/index/ByAlbum"));
        // A new request reads afresh.
        assertEquals(Optional.empty(), new TableResourcePolicies(fixture.binding, new ResourceArns(AuthorizationFixture.SETTINGS)).of(MUSIC_ARN));
    }
}
