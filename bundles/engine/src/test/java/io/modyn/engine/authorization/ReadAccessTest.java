package io.modyn.engine.authorization;

import static io.modyn.engine.authorization.AuthorizationFixture.CONTEXT;
import static io.modyn.engine.authorization.AuthorizationFixture.MUSIC_ARN;
import static io.modyn.engine.authorization.AuthorizationFixture.SCORES_ARN;
import static io.modyn.engine.authorization.AuthorizationFixture.assertRequest;
import static io.modyn.engine.authorization.AuthorizationFixture.keys;
import static io.modyn.engine.authorization.AuthorizationFixture.s;
import static io.modyn.engine.authorization.AuthorizationFixture.song;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.dynamodb.BatchGetItemRequest;
import io.modyn.api.dynamodb.KeysAndAttributes;
import io.modyn.api.dynamodb.QueryRequest;
import io.modyn.api.dynamodb.ScanRequest;
import io.modyn.api.model.AttributeValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Query, Scan and BatchGetItem: their IAM action, resource (table or index) and condition keys. */
class ReadAccessTest {

    private static final String BY_ALBUM_ARN = MUSIC_ARN + "/index/ByAlbum";

    private final AuthorizationFixture fixture = new AuthorizationFixture();

    @Test
    void queryAsksQueryWithThePartitionValueOfItsKeyCondition() {
        fixture.engine.query(new QueryRequest("Music", null, null, null, null, null, null, null, null, null, null, "TOTAL",
                "Genre", "Plays > :n", "Artist = :a AND begins_with(SongTitle, :p)", null,
                Map.of(":a", s("Acme"), ":p", s("H"), ":n", AttributeValue.n("3"))), CONTEXT);
        assertRequest(fixture.authorizer.onlyCall().get(0), "dynamodb:Query", MUSIC_ARN, keys(
                "dynamodb:LeadingKeys", "Acme",
                "dynamodb:Attributes", "Artist,SongTitle,Genre,Plays",
                "dynamodb:Select", "SPECIFIC_ATTRIBUTES",
                "dynamodb:ReturnConsumedCapacity", "TOTAL"));
    }

    @Test
    void queryOfAnIndexAsksOnTheIndexArnWithTheIndexPartitionValue() {
        fixture.engine.query(new QueryRequest("Music", "ByAlbum", null, null, null, null, null, null, null, null, null, null,
                null, null, "Album = :al", null, Map.of(":al", s("Best Of"))), CONTEXT);
        assertRequest(fixture.authorizer.onlyCall().get(0), "dynamodb:Query", BY_ALBUM_ARN, keys(
                "dynamodb:LeadingKeys", "Best Of",
                "dynamodb:Attributes", "Artist,SongTitle,Album",
                "dynamodb:Select", "ALL_PROJECTED_ATTRIBUTES"));
    }

    @Test
    void querySelectSentIsTheSelectAsked() {
        fixture.engine.query(new QueryRequest("Music", null, "COUNT", null, null, null, null, null, null, null, null, null,
                null, null, "Artist = :a", null, Map.of(":a", s("Acme"))), CONTEXT);
        assertRequest(fixture.authorizer.onlyCall().get(0), "dynamodb:Query", MUSIC_ARN, keys(
                "dynamodb:LeadingKeys", "Acme",
                "dynamodb:Attributes", "Artist,SongTitle",
                "dynamodb:Select", "COUNT"));
    }

    @Test
    void scanAsksScanWithoutLeadingKeysOrFullTableScan() {
        fixture.engine.scan(new ScanRequest("Music", null, null, null, null, null, null, null, null, 4, 1, null, null, null, null, null),
                CONTEXT);
        assertRequest(fixture.authorizer.onlyCall().get(0), "dynamodb:Scan", MUSIC_ARN, keys(
                "dynamodb:Attributes", "Artist,SongTitle",
                "dynamodb:Select", "ALL_ATTRIBUTES"));
    }

    @Test
    void scanOfAnIndexAsksOnTheIndexArn() {
        fixture.engine.scan(new ScanRequest("Music", "ByAlbum", List.of("Genre"), null, null, null, null, null, "NONE", null, null,
                null, null, null, null, null), CONTEXT);
        assertRequest(fixture.authorizer.onlyCall().get(0), "dynamodb:Scan", BY_ALBUM_ARN, keys(
                "dynamodb:Attributes", "Artist,SongTitle,Album,Genre",
                "dynamodb:Select", "SPECIFIC_ATTRIBUTES",
                "dynamodb:ReturnConsumedCapacity", "NONE"));
    }

    @Test
    void batchGetItemAsksBatchGetItemOncePerTableWithEveryLeadingKey() {
        Map<String, KeysAndAttributes> reads = new LinkedHashMap<>();
        reads.put("Music", new KeysAndAttributes(List.of(song("Acme", "Hello"), song("Acme", "Bye"), song("Zed", "Hi")), null, null,
                "#g", Map.of("#g", "Genre")));
        reads.put("Scores", new KeysAndAttributes(List.of(Map.of("Id", AttributeValue.n("1"))), null, null, null, null));
        fixture.engine.batchGetItem(new BatchGetItemRequest(reads, null), CONTEXT);

        List<AuthorizationRequest> requests = fixture.authorizer.onlyCall();
        assertEquals(2, requests.size());
        assertRequest(requests.get(0), "dynamodb:BatchGetItem", MUSIC_ARN, keys(
                "dynamodb:LeadingKeys", "Acme,Zed",
                "dynamodb:Attributes", "Artist,SongTitle,Genre",
                "dynamodb:Select", "SPECIFIC_ATTRIBUTES"));
        assertRequest(requests.get(1), "dynamodb:BatchGetItem", SCORES_ARN, keys(
                "dynamodb:LeadingKeys", "1",
                "dynamodb:Attributes", "Id",
                "dynamodb:Select", "ALL_ATTRIBUTES"));
    }
}
