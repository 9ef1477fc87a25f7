package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.AttributeValues.ss;
import static io.modyn.itests.support.DynamoAssertions.assertDynamoError;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.StoredItems;
import io.modyn.itests.support.TestTables;
import io.modyn.itests.support.WireClient;
import io.modyn.itests.support.WireResponse;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchWriteItem: up to 25 puts and deletes over several tables, answered with an empty
 * UnprocessedItems map; a batch with a duplicate key, too many requests or one invalid request is
 * refused as a whole, and writes nothing (API reference, BatchWriteItem).
 */
@ExtendWith(SharedModynServer.class)
class BatchWriteItemTest {

    private static DynamoDbClient dynamo;
    private static WireClient wire;
    private static String hashTable;
    private static String rangeTable;

    @BeforeAll
    static void createTables(ModynServer server, WireClient wireClient) {
        dynamo = DynamoDbClients.withoutRetries(server);
        wire = wireClient;
        hashTable = TestTables.createHashTable(dynamo, "batch-write", ScalarAttributeType.S);
        rangeTable = TestTables.createHashRangeTable(dynamo, "batch-write-range", ScalarAttributeType.S, ScalarAttributeType.N);
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @Test
    void putsAndDeletesOverSeveralTables() {
        String id = UUID.randomUUID().toString();
        dynamo.putItem(put -> put.tableName(hashTable).item(Map.of("pk", s(id + "-old"))));

        BatchWriteItemResponse response = dynamo.batchWriteItem(batch -> batch.requestItems(Map.of(
                hashTable, List.of(put(Map.of("pk", s(id), "v", s("new"))), delete(Map.of("pk", s(id + "-old")))),
                rangeTable, List.of(put(Map.of("pk", s(id), "sk", n(1), "tags", ss("a")))))));

        assertTrue(response.unprocessedItems().isEmpty());
        assertEquals(Map.of("pk", s(id), "v", s("new")), StoredItems.get(dynamo, hashTable, Map.of("pk", s(id))));
        assertNull(StoredItems.get(dynamo, hashTable, Map.of("pk", s(id + "-old"))));
        assertEquals(Map.of("pk", s(id), "sk", n(1), "tags", ss("a")),
                StoredItems.get(dynamo, rangeTable, Map.of("pk", s(id), "sk", n(1))));
    }

    @Test
    void putReplacesTheWholeItemAndDeleteOfAMissingItemIsFine() {
        String id = UUID.randomUUID().toString();
        dynamo.putItem(put -> put.tableName(hashTable).item(Map.of("pk", s(id), "old", s("gone"))));

        dynamo.batchWriteItem(batch -> batch.requestItems(Map.of(hashTable, List.of(
                put(Map.of("pk", s(id), "new", s("here"))), delete(Map.of("pk", s("missing-" + id)))))));

        assertEquals(Map.of("pk", s(id), "new", s("here")), StoredItems.get(dynamo, hashTable, Map.of("pk", s(id))));
    }

    @Test
    void answerCarriesAnEmptyUnprocessedItemsMap() {
        WireResponse response = wire.post("BatchWriteItem").body("{\"RequestItems\":{\"" + hashTable
                + "\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"wire-" + UUID.randomUUID() + "\"}}}}]}}").send();

        assertEquals(200, response.status(), response::toString);
        JsonObject body = response.json();
        assertEquals(JsonObject.EMPTY_JSON_OBJECT, body.getJsonObject("UnprocessedItems"), response::toString);
    }

    @Test
    void twentyFiveRequestsAreAccepted() {
        List<WriteRequest> puts = puts(UUID.randomUUID().toString(), 25);

        dynamo.batchWriteItem(batch -> batch.requestItems(Map.of(hashTable, puts)));

        puts.forEach(put -> assertTrue(StoredItems.get(dynamo, hashTable, put.putRequest().item()) != null));
    }

    @Test
    void moreThanTwentyFiveRequestsForOneTableIsAConstraintViolation() {
        String id = UUID.randomUUID().toString();
        // Two answers, both DynamoDB's: the older echoes the request, the newer names the member path
        // (paritysuite/dynamodb-conformance, tests/tier3/error-messages/batchWriteItem.test.ts).
        assertValidationErrorMatching("1 validation error detected: (Value '\\{" + Pattern.quote(hashTable)
                        + "=\\[.+\\]\\}' at 'requestItems' failed to satisfy constraint: Map value must satisfy "
                        + "constraint: \\[Member must have length less than or equal to 25, Member must have length greater "
                        + "than or equal to 1\\]|Value at 'RequestItems\\." + Pattern.quote(hashTable) + "\\.member' failed "
                        + "to satisfy constraint: Member must have length less than or equal to 25)",
                () -> dynamo.batchWriteItem(batch -> batch.requestItems(Map.of(hashTable, puts(id, 26)))));

        assertNull(StoredItems.get(dynamo, hashTable, Map.of("pk", s(id + "-0"))), "nothing of the batch was written");
    }

    @Test
    void moreThanTwentyFiveRequestsOverSeveralTablesIsTooMany() {
        String id = UUID.randomUUID().toString();
        List<WriteRequest> rangePuts = IntStream.range(0, 13)
                .mapToObj(i -> put(Map.of("pk", s(id), "sk", n(i)))).toList();

        assertValidationError("Too many items requested for the BatchWriteItem call",
                () -> dynamo.batchWriteItem(batch -> batch.requestItems(Map.of(hashTable, puts(id, 13), rangeTable, rangePuts))));
        assertNull(StoredItems.get(dynamo, hashTable, Map.of("pk", s(id + "-0"))));
    }

    @Test
    void twoRequestsForOneKeyAreRefusedAndNothingIsWritten() {
        String id = UUID.randomUUID().toString();
        Map<String, AttributeValue> key = Map.of("pk", s(id));

        assertValidationError("Provided list of item keys contains duplicates", () -> dynamo.batchWriteItem(batch ->
                batch.requestItems(Map.of(hashTable, List.of(put(Map.of("pk", s(id + "-other"))), put(key), delete(key))))));
        assertValidationError("Provided list of item keys contains duplicates", () -> dynamo.batchWriteItem(batch ->
                batch.requestItems(Map.of(hashTable, List.of(put(key), put(Map.of("pk", s(id), "v", n(2))))))));

        assertNull(StoredItems.get(dynamo, hashTable, key));
        assertNull(StoredItems.get(dynamo, hashTable, Map.of("pk", s(id + "-other"))));
    }

    @Test
    void oneInvalidRequestRefusesTheWholeBatch() {
        String id = UUID.randomUUID().toString();

        assertValidationError("The provided key element does not match the schema", () -> dynamo.batchWriteItem(batch ->
                batch.requestItems(Map.of(hashTable, List.of(put(Map.of("pk", s(id))), put(Map.of("pk", n(1))))))));
        assertValidationError("The provided key element does not match the schema", () -> dynamo.batchWriteItem(batch ->
                batch.requestItems(Map.of(hashTable, List.of(put(Map.of("pk", s(id))), put(Map.of("other", s("x"))))))));
        assertValidationError("Item size has exceeded the maximum allowed size", () -> dynamo.batchWriteItem(batch ->
                batch.requestItems(Map.of(hashTable, List.of(put(Map.of("pk", s(id))),
                        put(Map.of("pk", s(id + "-big"), "d", s("x".repeat(400 * 1024)))))))));

        assertNull(StoredItems.get(dynamo, hashTable, Map.of("pk", s(id))));
    }

    @Test
    void unknownTableIsResourceNotFoundAndTheOtherTablesAreNotWritten() {
        String id = UUID.randomUUID().toString();

        assertDynamoError(ResourceNotFoundException.class, "ResourceNotFoundException", "Requested resource not found",
                () -> dynamo.batchWriteItem(batch -> batch.requestItems(Map.of(
                        hashTable, List.of(put(Map.of("pk", s(id)))),
                        TestTables.uniqueName("missing"), List.of(put(Map.of("pk", s(id))))))));
        assertNull(StoredItems.get(dynamo, hashTable, Map.of("pk", s(id))));
    }

    @Test
    void emptyRequestItemsIsAConstraintViolation() {
        WireResponse response = wire.post("BatchWriteItem").body("{\"RequestItems\":{}}").send();

        assertEquals(400, response.status());
        // Regions answer one of these two (paritysuite/dynamodb-conformance, batchWriteItem.test.ts).
        assertTrue(List.of("The requestItems parameter is required for BatchWriteItem",
                        "1 validation error detected: Value at 'RequestItems' failed to satisfy constraint: Member must "
                                + "have length greater than or equal to 1").contains(response.errorMessage()),
                response::toString);
    }

    private static List<WriteRequest> puts(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> put(Map.of("pk", s(prefix + "-" + i)))).toList();
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(put -> put.item(item)).build();
    }

    private static WriteRequest delete(Map<String, AttributeValue> key) {
        return WriteRequest.builder().deleteRequest(delete -> delete.key(key)).build();
    }
}
