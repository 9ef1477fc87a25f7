package io.modyn.engine.authorization;

import static io.modyn.engine.authorization.AuthorizationFixture.CONTEXT;
import static io.modyn.engine.authorization.AuthorizationFixture.MUSIC_ARN;
import static io.modyn.engine.authorization.AuthorizationFixture.SCORES_ARN;
import static io.modyn.engine.authorization.AuthorizationFixture.assertRequest;
import static io.modyn.engine.authorization.AuthorizationFixture.item;
import static io.modyn.engine.authorization.AuthorizationFixture.keys;
import static io.modyn.engine.authorization.AuthorizationFixture.s;
import static io.modyn.engine.authorization.AuthorizationFixture.song;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.dynamodb.AttributeValueUpdate;
import io.modyn.api.dynamodb.BatchWriteItemRequest;
import io.modyn.api.dynamodb.DeleteItemRequest;
import io.modyn.api.dynamodb.GetItemRequest;
import io.modyn.api.dynamodb.PutItemRequest;
import io.modyn.api.dynamodb.UpdateItemRequest;
import io.modyn.api.dynamodb.WriteRequest;
import io.modyn.api.model.AttributeValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The single-item operations and BatchWriteItem: their IAM action, resource and condition keys. */
class ItemAccessTest {

    private final AuthorizationFixture fixture = new AuthorizationFixture();

    @Test
    void getItemAsksGetItemWithTheKeyAndTheProjectedAttributes() {
        fixture.engine.getItem(new GetItemRequest("Music", song("Acme", "Hello"), null, "Genre, #y", Map.of("#y", "Year"), null, "TOTAL"),
                CONTEXT);
        List<AuthorizationRequest> requests = fixture.authorizer.onlyCall();
        assertEquals(1, requests.size());
        assertRequest(requests.get(0), "dynamodb:GetItem", MUSIC_ARN, keys(
                "dynamodb:LeadingKeys", "Acme",
                "dynamodb:Attributes", "Artist,SongTitle,Genre,Year",
                "dynamodb:Select", "SPECIFIC_ATTRIBUTES",
                "dynamodb:ReturnConsumedCapacity", "TOTAL"));
    }

    @Test
    void getItemWithoutProjectionSelectsAllAttributes() {
        fixture.engine.getItem(new GetItemRequest("Music", song("Acme", "Hello"), true, null, null, null, null), CONTEXT);
        assertRequest(fixture.authorizer.onlyCall().get(0), "dynamodb:GetItem", MUSIC_ARN, keys(
                "dynamodb:LeadingKeys", "Acme",
                "dynamodb:Attributes", "Artist,SongTitle",
                "dynamodb:Select", "ALL_ATTRIBUTES"));
    }

    @Test
    void getItemWithAttributesToGetCountsThoseNames() {
        fixture.engine.getItem(new GetItemRequest("Music", song("Acme", "Hello"), null, null, null, List.of("Plays"), null), CONTEXT);
        assertRequest(fixture.authorizer.onlyCall().get(0), "dynamodb:GetItem", MUSIC_ARN, keys(
                "dynamodb:LeadingKeys", "Acme",
                "dynamodb:Attributes", "Artist,SongTitle,Plays",
                "dynamodb:Select", "SPECIFIC_ATTRIBUTES"));
    }

    @Test
    void putItemAsksPutItemWithEveryAttributeOfTheItemAndWhatItsConditionReads() {
        fixture.engine.putItem(new PutItemRequest("Music", item("Artist", "Acme", "SongTitle", "Hello", "Genre", "Rock"),
                "attribute_not_exists(Locked)", null, null, null, null, "ALL_OLD", "INDEXES", null, null), CONTEXT);
        assertRequest(fixture.authorizer.onlyCall().get(0), "dynamodb:PutItem", MUSIC_ARN, keys(
                "dynamodb:LeadingKeys", "Acme",
                "dynamodb:Attributes", "Artist,SongTitle,Genre,Locked",
                "dynamodb:ReturnValues", "ALL_OLD",
                "dynamodb:ReturnConsumedCapacity", "INDEXES"));
    }

    @Test
    void numericLeadingKeysAreTheirDecimalText() {
        fixture.engine.putItem(new PutItemRequest("Scores", Map.of("Id", AttributeValue.n("12.50")), null, null, null, null, null, null,
                null, null, null), CONTEXT);
        assertRequest(fixture.authorizer.onlyCall().get(0), "dynamodb:PutItem", SCORES_ARN, keys(
                "dynamodb:LeadingKeys", "12.5",
                "dynamodb:Attributes", "Id"));
    }

    @Test
    void updateItemAsksUpdateItemWithTheKeyTheUpdatedAttributesAndWhatItsConditionReads() {
        fixture.engine.updateItem(new UpdateItemRequest("Music", song("Acme", "Hello"), null, null, null, "UPDATED_NEW", null, null,
                "SET Genre = :g REMOVE Stale ADD Plays :one", "attribute_not_exists(Locked)", null,
                Map.of(":g", s("Rock"), ":one", AttributeValue.n("1")), null), CONTEXT);
        assertRequest(fixture.authorizer.onlyCall().get(0), "dynamodb:UpdateItem", MUSIC_ARN, keys(
                "dynamodb:LeadingKeys", "Acme",
                "dynamodb:Attributes", "Artist,SongTitle,Genre,Stale,Plays,Locked",
                "dynamodb:ReturnValues", "UPDATED_NEW"));
    }

    @Test
    void updateItemWithAttributeUpdatesCountsTheirNames() {
        fixture.engine.updateItem(new UpdateItemRequest("Music", song("Acme", "Hello"),
                Map.of("Genre", new AttributeValueUpdate(s("Rock"), "PUT")), null, null, null, "TOTAL", null, null, null, null, null, null),
                CONTEXT);
        assertRequest(fixture.authorizer.onlyCall().get(0), "dynamodb:UpdateItem", MUSIC_ARN, keys(
                "dynamodb:LeadingKeys", "Acme",
                "dynamodb:Attributes", "Artist,SongTitle,Genre",
                "dynamodb:ReturnConsumedCapacity", "TOTAL"));
    }

    @Test
    void deleteItemAsksDeleteItemWithTheKeyAndWhatItsConditionReads() {
        fixture.engine.deleteItem(new DeleteItemRequest("Music", song("Acme", "Hello"), "attribute_not_exists(#g)", Map.of("#g", "Genre"),
                null, null, null, "ALL_OLD", null, null, null), CONTEXT);
        assertRequest(fixture.authorizer.onlyCall().get(0), "dynamodb:DeleteItem", MUSIC_ARN, keys(
                "dynamodb:LeadingKeys", "Acme",
                "dynamodb:Attributes", "Artist,SongTitle,Genre",
                "dynamodb:ReturnValues", "ALL_OLD"));
    }

    @Test
    void batchWriteItemAsksBatchWriteItemOncePerTableWithEveryLeadingKey() {
        Map<String, List<WriteRequest>> writes = new LinkedHashMap<>();
        writes.put("Music", List.of(
                new WriteRequest(item("Artist", "Acme", "SongTitle", "Hello", "Genre", "Rock"), null),
                new WriteRequest(item("Artist", "Zed", "SongTitle", "Bye"), null),
                new WriteRequest(null, song("Bee", "Buzz"))));
        writes.put("Scores", List.of(new WriteRequest(Map.of("Id", AttributeValue.n("7"), "Points", AttributeValue.n("3")), null)));
        fixture.engine.batchWriteItem(new BatchWriteItemRequest(writes, "TOTAL", null), CONTEXT);

        List<AuthorizationRequest> requests = fixture.authorizer.onlyCall();
        assertEquals(2, requests.size());
        assertRequest(requests.get(0), "dynamodb:BatchWriteItem", MUSIC_ARN, keys(
                "dynamodb:LeadingKeys", "Acme,Zed,Bee",
                "dynamodb:Attributes", "Artist,SongTitle,Genre",
                "dynamodb:ReturnConsumedCapacity", "TOTAL"));
        assertRequest(requests.get(1), "dynamodb:BatchWriteItem", SCORES_ARN, keys(
                "dynamodb:LeadingKeys", "7",
                "dynamodb:Attributes", "Id,Points",
                "dynamodb:ReturnConsumedCapacity", "TOTAL"));
    }
}
