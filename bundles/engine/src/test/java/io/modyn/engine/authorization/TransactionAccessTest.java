package io.modyn.engine.authorization;

import static io.modyn.engine.authorization.AuthorizationFixture.CONTEXT;
import static io.modyn.engine.authorization.AuthorizationFixture.MUSIC_ARN;
import static io.modyn.engine.authorization.AuthorizationFixture.SCORES_ARN;
import static io.modyn.engine.authorization.AuthorizationFixture.assertRequest;
import static io.modyn.engine.authorization.AuthorizationFixture.item;
import static io.modyn.engine.authorization.AuthorizationFixture.keys;
import static io.modyn.engine.authorization.AuthorizationFixture.song;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.dynamodb.TransactConditionCheck;
import io.modyn.api.dynamodb.TransactDelete;
import io.modyn.api.dynamodb.TransactGet;
import io.modyn.api.dynamodb.TransactGetItem;
import io.modyn.api.dynamodb.TransactGetItemsRequest;
import io.modyn.api.dynamodb.TransactPut;
import io.modyn.api.dynamodb.TransactUpdate;
import io.modyn.api.dynamodb.TransactWriteItem;
import io.modyn.api.dynamodb.TransactWriteItemsRequest;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Transactions: each item asks its own single-item action, with EnclosingOperation; one denial denies all. */
class TransactionAccessTest {

    private final AuthorizationFixture fixture = new AuthorizationFixture();

    private static TransactWriteItemsRequest fourActions() {
        return new TransactWriteItemsRequest(List.of(
                new TransactWriteItem(null, new TransactPut("Music", item("Artist", "Acme", "SongTitle", "New", "Genre", "Rock"), null, null,
                        null, null), null, null),
                new TransactWriteItem(null, null, null, new TransactUpdate("Music", song("Zed", "Old"), "SET Plays = :p", null, null,
                        Map.of(":p", AttributeValue.n("1")), null)),
                new TransactWriteItem(null, null, new TransactDelete("Scores", Map.of("Id", AttributeValue.n("9")), null, null, null, null),
                        null),
                new TransactWriteItem(new TransactConditionCheck("Music", song("Bee", "Buzz"), "attribute_not_exists(Locked)", null, null,
                        null), null, null, null)), "TOTAL", null, null);
    }

    @Test
    void transactWriteItemsAsksEachItemsOwnActionInsideTheTransaction() {
        fixture.engine.transactWriteItems(fourActions(), CONTEXT);

        List<AuthorizationRequest> requests = fixture.authorizer.onlyCall();
        assertEquals(4, requests.size());
        assertRequest(requests.get(0), "dynamodb:PutItem", MUSIC_ARN, keys(
                "dynamodb:LeadingKeys", "Acme",
                "dynamodb:Attributes", "Artist,SongTitle,Genre",
                "dynamodb:EnclosingOperation", "TransactWriteItems",
                "dynamodb:ReturnConsumedCapacity", "TOTAL"));
        assertRequest(requests.get(1), "dynamodb:UpdateItem", MUSIC_ARN, keys(
                "dynamodb:LeadingKeys", "Zed",
                "dynamodb:Attributes", "Artist,SongTitle,Plays",
                "dynamodb:EnclosingOperation", "TransactWriteItems",
                "dynamodb:ReturnConsumedCapacity", "TOTAL"));
        assertRequest(requests.get(2), "dynamodb:DeleteItem", SCORES_ARN, keys(
                "dynamodb:LeadingKeys", "9",
                "dynamodb:Attributes", "Id",
                "dynamodb:EnclosingOperation", "TransactWriteItems",
                "dynamodb:ReturnConsumedCapacity", "TOTAL"));
        assertRequest(requests.get(3), "dynamodb:ConditionCheckItem", MUSIC_ARN, keys(
                "dynamodb:LeadingKeys", "Bee",
                "dynamodb:Attributes", "Artist,SongTitle,Locked",
                "dynamodb:EnclosingOperation", "TransactWriteItems",
                "dynamodb:ReturnConsumedCapacity", "TOTAL"));
    }

    @Test
    void oneDeniedItemDeniesTheWholeTransactionAndWritesNothing() {
        fixture.authorizer.deny(request -> request.action().equals("dynamodb:DeleteItem"));
        DynamoException denied = assertThrows(DynamoException.class, () -> fixture.engine.transactWriteItems(fourActions(), CONTEXT));

        assertSame(fixture.authorizer.lastDenial, denied);
        assertNull(fixture.stored("Music", song("Acme", "New")), "the Put of the denied transaction");
        assertNull(fixture.stored("Music", song("Zed", "Old")), "the Update of the denied transaction");
    }

    @Test
    void transactGetItemsAsksGetItemForEachItemInsideTheTransaction() {
        fixture.engine.transactGetItems(new TransactGetItemsRequest(List.of(
                new TransactGetItem(new TransactGet("Music", song("Acme", "Hello"), "Genre", null)),
                new TransactGetItem(new TransactGet("Scores", Map.of("Id", AttributeValue.n("3")), null, null))), null), CONTEXT);

        List<AuthorizationRequest> requests = fixture.authorizer.onlyCall();
        assertEquals(2, requests.size());
        assertRequest(requests.get(0), "dynamodb:GetItem", MUSIC_ARN, keys(
                "dynamodb:LeadingKeys", "Acme",
                "dynamodb:Attributes", "Artist,SongTitle,Genre",
                "dynamodb:Select", "SPECIFIC_ATTRIBUTES",
                "dynamodb:EnclosingOperation", "TransactGetItems"));
        assertRequest(requests.get(1), "dynamodb:GetItem", SCORES_ARN, keys(
                "dynamodb:LeadingKeys", "3",
                "dynamodb:Attributes", "Id",
                "dynamodb:Select", "ALL_ATTRIBUTES",
                "dynamodb:EnclosingOperation", "TransactGetItems"));
    }

    @Test
    void deniedTransactGetItemsReadsNothingAndPassesTheDenialOn() {
        fixture.authorizer.deny(request -> request.resource().equals(SCORES_ARN));
        DynamoException denied = assertThrows(DynamoException.class, () -> fixture.engine.transactGetItems(new TransactGetItemsRequest(List.of(
                new TransactGetItem(new TransactGet("Music", song("Acme", "Hello"), null, null)),
                new TransactGetItem(new TransactGet("Scores", Map.of("Id", AttributeValue.n("3")), null, null))), null),
                CONTEXT));
        assertSame(fixture.authorizer.lastDenial, denied);
        assertEquals("AccessDeniedException", denied.type().wireName());
    }
}
