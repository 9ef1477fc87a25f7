package io.modyn.engine.authorization;

import static io.modyn.engine.authorization.AuthorizationFixture.CONTEXT;
import static io.modyn.engine.authorization.AuthorizationFixture.MUSIC_ARN;
import static io.modyn.engine.authorization.AuthorizationFixture.SCORES_ARN;
import static io.modyn.engine.authorization.AuthorizationFixture.s;
import static io.modyn.engine.authorization.AuthorizationFixture.song;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modyn.api.dynamodb.GetItemRequest;
import io.modyn.api.dynamodb.ListTablesRequest;
import io.modyn.api.dynamodb.QueryRequest;
import io.modyn.api.dynamodb.Tag;
import io.modyn.api.dynamodb.TagResourceRequest;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.streams.DescribeStreamRequest;
import io.modyn.engine.EngineSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** aws:ResourceTag: the authorizer reads a resource's current tags (an index's or stream's are its table's). */
class ResourceTagsTest {

    private final AuthorizationFixture fixture = new AuthorizationFixture();

    @Test
    void theAuthorizerReadsTheTagsOfTheTableItsRequestNames() {
        fixture.engine.tagResource(new TagResourceRequest(MUSIC_ARN, List.of(new Tag("owner", "alice"), new Tag("tier", "gold"))), CONTEXT);
        fixture.authorizer.readResourceTags = true;

        fixture.engine.getItem(new GetItemRequest("Music", song("Acme", "Hello"), null, null, null, null, null), CONTEXT);
        fixture.engine.getItem(new GetItemRequest("Scores", Map.of("Id", AttributeValue.n("1")), null, null, null, null, null), CONTEXT);
        fixture.engine.query(new QueryRequest("Music", "ByAlbum", null, null, null, null, null, null, null, null, null, null,
                null, null, "Album = :al", null, Map.of(":al", s("Best Of"))), CONTEXT);
        fixture.streams.service().describeStream(new DescribeStreamRequest(fixture.musicStreamArn, null, null), CONTEXT);
        fixture.engine.listTables(new ListTablesRequest(null, null), CONTEXT);

        Map<String, String> musicTags = Map.of("owner", "alice", "tier", "gold");
        assertEquals(musicTags, fixture.authorizer.resourceTagsSeen.get(MUSIC_ARN));
        assertEquals(Map.of(), fixture.authorizer.resourceTagsSeen.get(SCORES_ARN));
        assertEquals(musicTags, fixture.authorizer.resourceTagsSeen.get(MUSIC_ARN + "/index/ByAlbum"));
        assertEquals(musicTags, fixture.authorizer.resourceTagsSeen.get(fixture.musicStreamArn));
        assertEquals(Map.of(), fixture.authorizer.resourceTagsSeen.get("*"));
    }

    @Test
    void aTableNamesItsOwnArnsOnlyInThisRegionAndAccount() {
        ResourceArns arns = new ResourceArns(new EngineSettings("eu-west-3", "123456789012"));
        assertEquals("Music", arns.tableOf(MUSIC_ARN));
        assertEquals("Music", arns.tableOf(MUSIC_ARN + "/index/ByAlbum"));
        assertEquals("Music", arns.tableOf(MUSIC_ARN + "/stream/2026-01-01T00:00:00.000"));
        assertNull(arns.tableOf("arn:aws:dynamodb:us-east-1:123456789012:table/Music"));
        assertNull(arns.tableOf("arn:aws:dynamodb:eu-west-3:999999999999:table/Music"));
        assertNull(arns.tableOf("arn:aws:dynamodb:eu-west-3:123456789012:table/"));
        assertNull(arns.tableOf("*"));
    }
}
