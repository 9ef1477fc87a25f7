package io.modyn.engine.authorization;

import static io.modyn.engine.authorization.AuthorizationFixture.ALICE;
import static io.modyn.engine.authorization.AuthorizationFixture.CONTEXT;
import static io.modyn.engine.authorization.AuthorizationFixture.item;
import static io.modyn.engine.authorization.AuthorizationFixture.s;
import static io.modyn.engine.authorization.AuthorizationFixture.song;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.dynamodb.BatchWriteItemRequest;
import io.modyn.api.dynamodb.DeleteItemRequest;
import io.modyn.api.dynamodb.DeleteTableRequest;
import io.modyn.api.dynamodb.DescribeTableRequest;
import io.modyn.api.dynamodb.GetItemRequest;
import io.modyn.api.dynamodb.ListTablesRequest;
import io.modyn.api.dynamodb.PutItemRequest;
import io.modyn.api.dynamodb.QueryRequest;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.dynamodb.TransactDelete;
import io.modyn.api.dynamodb.TransactWriteItem;
import io.modyn.api.dynamodb.TransactWriteItemsRequest;
import io.modyn.api.dynamodb.UpdateItemRequest;
import io.modyn.api.dynamodb.WriteRequest;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where the engine asks the authorizer: once per operation, after DynamoDB's validation errors and
 * before storage, with the caller's context; a denial stops the operation and reaches the caller
 * unchanged; a missing table is AccessDenied to a caller who may not use it; without an authorizer
 * nothing is asked.
 */
class AuthorizationGateTest {

    private final AuthorizationFixture fixture = new AuthorizationFixture();

    private static PutItemRequest put(Map<String, AttributeValue> item) {
        return new PutItemRequest("Music", item, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void theAuthorizerSeesTheCallersPrincipalAndConnection() {
        fixture.engine.putItem(put(item("Artist", "Acme", "SongTitle", "Hello")), CONTEXT);
        RequestContext seen = fixture.authorizer.calls.get(0).context();
        assertSame(ALICE, seen.principal());
        assertEquals("192.0.2.10", seen.sourceIp());
        assertTrue(seen.secureTransport());
        assertEquals("aws-sdk-java/2.25", seen.userAgent());
        assertEquals("req-1", seen.requestId());
    }

    @Test
    void aDeniedPutItemWritesNothingAndTheDenialReachesTheCallerUnchanged() {
        fixture.authorizer.denyAction("dynamodb:PutItem");
        DynamoException denied = assertThrows(DynamoException.class,
                () -> fixture.engine.putItem(put(item("Artist", "Acme", "SongTitle", "Hello")), CONTEXT));

        assertSame(fixture.authorizer.lastDenial, denied);
        assertEquals(ErrorType.ACCESS_DENIED, denied.type());
        assertEquals("User: arn:aws:iam::123456789012:user/alice is not authorized to perform: dynamodb:PutItem on resource: "
                + AuthorizationFixture.MUSIC_ARN, denied.getMessage());
        assertNull(fixture.stored("Music", song("Acme", "Hello")));
    }

    @Test
    void aDeniedUpdateItemOrDeleteItemLeavesTheItemAsItWas() {
        fixture.engine.putItem(put(item("Artist", "Acme", "SongTitle", "Hello", "Genre", "Rock")), CONTEXT);
        fixture.authorizer.deny(request -> !request.action().equals("dynamodb:GetItem"));

        assertThrows(DynamoException.class, () -> fixture.engine.updateItem(new UpdateItemRequest("Music", song("Acme", "Hello"), null,
                null, null, null, null, null, "SET Genre = :g", null, null, Map.of(":g", s("Jazz")), null), CONTEXT));
        assertThrows(DynamoException.class, () -> fixture.engine.deleteItem(new DeleteItemRequest("Music", song("Acme", "Hello"), null,
                null, null, null, null, null, null, null, null), CONTEXT));
        assertEquals(s("Rock"), fixture.stored("Music", song("Acme", "Hello")).get("Genre"));
    }

    @Test
    void aBatchWriteDeniedOnOneTableWritesNoTable() {
        fixture.authorizer.deny(request -> request.resource().equals(AuthorizationFixture.SCORES_ARN));
        Map<String, List<WriteRequest>> writes = new LinkedHashMap<>();
        writes.put("Music", List.of(new WriteRequest(item("Artist", "Acme", "SongTitle", "Hello"), null)));
        writes.put("Scores", List.of(new WriteRequest(Map.of("Id", AttributeValue.n("1")), null)));

        DynamoException denied = assertThrows(DynamoException.class,
                () -> fixture.engine.batchWriteItem(new BatchWriteItemRequest(writes, null, null), CONTEXT));
        assertSame(fixture.authorizer.lastDenial, denied);
        assertNull(fixture.stored("Music", song("Acme", "Hello")));
        assertNull(fixture.stored("Scores", Map.of("Id", AttributeValue.n("1"))));
    }

    @Test
    void aDeniedDeleteTableKeepsTheTable() {
        fixture.authorizer.denyAction("dynamodb:DeleteTable");
        assertThrows(DynamoException.class, () -> fixture.engine.deleteTable(new DeleteTableRequest("Scores"), CONTEXT));
        fixture.authorizer.deny(request -> false);
        assertNotNull(fixture.engine.describeTable(new DescribeTableRequest("Scores"), CONTEXT).table());
    }

    @Test
    void validationErrorsComeBeforeTheAuthorizerIsAsked() {
        fixture.authorizer.deny(request -> true);
        DynamoException invalid = assertThrows(DynamoException.class, () -> fixture.engine.putItem(new PutItemRequest("Music",
                item("Artist", "Acme", "SongTitle", "Hello"), null, null, null, null, null, "ALL_NEW", null, null, null), CONTEXT));
        assertEquals(ErrorType.VALIDATION, invalid.type());

        DynamoException badExpression = assertThrows(DynamoException.class, () -> fixture.engine.query(new QueryRequest("Music", null,
                null, null, null, null, null, null, null, null, null, null, null, null, "Artist = :missing", null, null), CONTEXT));
        assertEquals(ErrorType.VALIDATION, badExpression.type());

        DynamoException badLimit = assertThrows(DynamoException.class,
                () -> fixture.engine.listTables(new ListTablesRequest(null, 0), CONTEXT));
        assertEquals(ErrorType.VALIDATION, badLimit.type());
        assertEquals(List.of(), fixture.authorizer.calls);
    }

    @Test
    void aMissingTableIsAccessDeniedToACallerWhoMayNotUseIt() {
        fixture.authorizer.deny(request -> true);
        DynamoException denied = assertThrows(DynamoException.class, () -> fixture.engine.getItem(
                new GetItemRequest("Nope", song("Acme", "Hello"), null, null, null, null, null), CONTEXT));

        assertSame(fixture.authorizer.lastDenial, denied);
        AuthorizationFixture.assertRequest(fixture.authorizer.onlyCall().get(0), "dynamodb:GetItem",
                "arn:aws:dynamodb:eu-west-3:123456789012:table/Nope", Map.of());
    }

    @Test
    void aMissingTableIsResourceNotFoundToACallerWhoMayUseIt() {
        DynamoException missing = assertThrows(DynamoException.class, () -> fixture.engine.putItem(new PutItemRequest("Nope",
                item("Artist", "Acme", "SongTitle", "Hello"), null, null, null, null, null, null, null, null, null), CONTEXT));
        assertEquals(ErrorType.RESOURCE_NOT_FOUND, missing.type());
        assertEquals(List.of("dynamodb:PutItem"), fixture.authorizer.actions());
    }

    @Test
    void aMissingTableInsideATransactionOrBatchIsAskedAboutWithItsItemsAction() {
        fixture.authorizer.deny(request -> request.resource().endsWith("/Nope"));
        assertThrows(DynamoException.class, () -> fixture.engine.transactWriteItems(new TransactWriteItemsRequest(List.of(
                new TransactWriteItem(null, null, new TransactDelete("Nope", song("Acme", "Hello"), null, null, null, null), null)),
                null, null, null), CONTEXT));
        Map<String, List<WriteRequest>> writes = new LinkedHashMap<>();
        writes.put("Nope", List.of(new WriteRequest(item("Artist", "Acme", "SongTitle", "Hello"), null)));
        assertThrows(DynamoException.class, () -> fixture.engine.batchWriteItem(new BatchWriteItemRequest(writes, null, null), CONTEXT));
        assertEquals(List.of("dynamodb:DeleteItem", "dynamodb:BatchWriteItem"), fixture.authorizer.actions());
    }

    @Test
    void eachOperationAsksOnce() {
        fixture.engine.putItem(put(item("Artist", "Acme", "SongTitle", "Hello")), CONTEXT);
        fixture.engine.listTables(new ListTablesRequest(null, null), CONTEXT);
        assertEquals(List.of("dynamodb:PutItem", "dynamodb:ListTables"), fixture.authorizer.actions());
        assertEquals(2, fixture.authorizer.calls.size());
    }

    @Test
    void withoutAnAuthorizerNothingIsAskedAndEverythingRuns() {
        fixture.authorizer.deny(request -> true);
        fixture.authorizers.unbind(fixture.authorizer);
        fixture.engine.putItem(put(item("Artist", "Acme", "SongTitle", "Hello")), new RequestContext("r", null));
        fixture.engine.deleteTable(new DeleteTableRequest("Scores"), new RequestContext("r", null));
        assertEquals(List.of(), fixture.authorizer.calls);
        assertNotNull(fixture.stored("Music", song("Acme", "Hello")));
    }

    @Test
    void aStaleUnbindLeavesTheNewerAuthorizerBound() {
        RecordingAuthorizer newer = new RecordingAuthorizer();
        fixture.authorizers.bind(newer);
        fixture.authorizers.unbind(fixture.authorizer);
        fixture.engine.listTables(new ListTablesRequest(null, null), CONTEXT);
        assertEquals(List.of("dynamodb:ListTables"), newer.actions());
        assertFalse(fixture.authorizer.calls.stream().anyMatch(call -> true));
    }
}
