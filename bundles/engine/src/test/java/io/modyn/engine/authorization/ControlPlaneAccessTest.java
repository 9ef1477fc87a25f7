package io.modyn.engine.authorization;

import static io.modyn.engine.authorization.AuthorizationFixture.CONTEXT;
import static io.modyn.engine.authorization.AuthorizationFixture.MUSIC_ARN;
import static io.modyn.engine.authorization.AuthorizationFixture.SCORES_ARN;
import static io.modyn.engine.authorization.AuthorizationFixture.assertRequest;
import static io.modyn.engine.authorization.AuthorizationFixture.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.DeleteTableRequest;
import io.modyn.api.dynamodb.DescribeTableRequest;
import io.modyn.api.dynamodb.DescribeTimeToLiveRequest;
import io.modyn.api.dynamodb.ListTablesRequest;
import io.modyn.api.dynamodb.ListTagsOfResourceRequest;
import io.modyn.api.dynamodb.Tag;
import io.modyn.api.dynamodb.TagResourceRequest;
import io.modyn.api.dynamodb.TimeToLiveSpecification;
import io.modyn.api.dynamodb.UntagResourceRequest;
import io.modyn.api.dynamodb.UpdateTableRequest;
import io.modyn.api.dynamodb.UpdateTimeToLiveRequest;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.KeySchemaElement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Table and account operations: their IAM action on the table ARN, or on "*". */
class ControlPlaneAccessTest {

    private final AuthorizationFixture fixture = new AuthorizationFixture();

    private void assertOnlyRequest(String action, String resource) {
        List<AuthorizationRequest> requests = fixture.authorizer.onlyCall();
        assertEquals(1, requests.size());
        assertRequest(requests.get(0), action, resource, Map.of());
    }

    @Test
    void createTableAsksCreateTableOnTheNewTablesArn() {
        fixture.engine.createTable(new CreateTableRequest("Plays", List.of(new AttributeDefinition("Id", "S")),
                List.of(new KeySchemaElement("Id", "HASH")), "PAY_PER_REQUEST", null, null, null, null, null, null, null), CONTEXT);
        assertOnlyRequest("dynamodb:CreateTable", "arn:aws:dynamodb:eu-west-3:123456789012:table/Plays");
    }

    @Test
    void createTableWithTagsCarriesTheRequestTagsAndAlsoAsksTagResource() {
        fixture.engine.createTable(new CreateTableRequest("Plays", List.of(new AttributeDefinition("Id", "S")),
                List.of(new KeySchemaElement("Id", "HASH")), "PAY_PER_REQUEST", null, null, null, null,
                List.of(new Tag("team", "audio"), new Tag("env", "test")), null, null), CONTEXT);
        List<AuthorizationRequest> requests = fixture.authorizer.onlyCall();
        String plays = "arn:aws:dynamodb:eu-west-3:123456789012:table/Plays";
        assertEquals(2, requests.size());
        assertRequest(requests.get(0), "dynamodb:CreateTable", plays, keys(
                "aws:RequestTag/team", "audio",
                "aws:RequestTag/env", "test",
                "aws:TagKeys", "team,env"));
        assertRequest(requests.get(1), "dynamodb:TagResource", plays, keys(
                "aws:RequestTag/team", "audio",
                "aws:RequestTag/env", "test",
                "aws:TagKeys", "team,env"));
    }

    @Test
    void describeTableAsksDescribeTable() {
        fixture.engine.describeTable(new DescribeTableRequest("Music"), CONTEXT);
        assertOnlyRequest("dynamodb:DescribeTable", MUSIC_ARN);
    }

    @Test
    void updateTableAsksUpdateTable() {
        fixture.engine.updateTable(new UpdateTableRequest("Scores", null, null, null, null, null, true, null), CONTEXT);
        assertOnlyRequest("dynamodb:UpdateTable", SCORES_ARN);
    }

    @Test
    void deleteTableAsksDeleteTable() {
        fixture.engine.deleteTable(new DeleteTableRequest("Scores"), CONTEXT);
        assertOnlyRequest("dynamodb:DeleteTable", SCORES_ARN);
    }

    @Test
    void listTablesAsksListTablesOnEveryResource() {
        fixture.engine.listTables(new ListTablesRequest(null, null), CONTEXT);
        assertOnlyRequest("dynamodb:ListTables", "*");
    }

    @Test
    void timeToLiveOperationsAskTheirActions() {
        fixture.engine.updateTimeToLive(new UpdateTimeToLiveRequest("Music", new TimeToLiveSpecification(true, "expires")), CONTEXT);
        assertOnlyRequest("dynamodb:UpdateTimeToLive", MUSIC_ARN);
        fixture.authorizer.clear();
        fixture.engine.describeTimeToLive(new DescribeTimeToLiveRequest("Music"), CONTEXT);
        assertOnlyRequest("dynamodb:DescribeTimeToLive", MUSIC_ARN);
    }

    @Test
    void tagResourceAsksTagResourceWithTheRequestTagsAndKeys() {
        fixture.engine.tagResource(new TagResourceRequest(MUSIC_ARN, List.of(new Tag("owner", "alice"))), CONTEXT);
        assertRequest(fixture.authorizer.onlyCall().get(0), "dynamodb:TagResource", MUSIC_ARN, keys(
                "aws:RequestTag/owner", "alice",
                "aws:TagKeys", "owner"));
    }

    @Test
    void untagResourceAsksUntagResourceWithTheKeys() {
        fixture.engine.untagResource(new UntagResourceRequest(MUSIC_ARN, List.of("owner", "cost")), CONTEXT);
        assertRequest(fixture.authorizer.onlyCall().get(0), "dynamodb:UntagResource", MUSIC_ARN, keys("aws:TagKeys", "owner,cost"));
    }

    @Test
    void listTagsOfResourceAsksListTagsOfResource() {
        fixture.engine.listTagsOfResource(new ListTagsOfResourceRequest(MUSIC_ARN, null), CONTEXT);
        assertOnlyRequest("dynamodb:ListTagsOfResource", MUSIC_ARN);
    }

    @Test
    void describeLimitsAndDescribeEndpointsAskOnEveryResource() {
        fixture.engine.describeLimits(CONTEXT);
        assertOnlyRequest("dynamodb:DescribeLimits", "*");
        fixture.authorizer.clear();
        fixture.engine.describeEndpoints(CONTEXT);
        assertOnlyRequest("dynamodb:DescribeEndpoints", "*");
    }
}
