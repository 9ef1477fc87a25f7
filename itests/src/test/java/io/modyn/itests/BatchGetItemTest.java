package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertDynamoError;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import io.modyn.itests.support.WireClient;
import io.modyn.itests.support.WireResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * BatchGetItem: up to 100 keys over several tables, each table with its own projection and read
 * consistency; duplicates and oversize batches refused with DynamoDB's messages; and the 16 MB
 * response limit (API reference, BatchGetItem: "a single operation can retrieve up to 16 MB of
 * data"), past which the keys not read come back in UnprocessedKeys, shaped like the request.
 */
@ExtendWith(SharedModynServer.class)
class BatchGetItemTest {

    private static DynamoDbClient dynamo;
    private static WireClient wire;
    private static String hashTable;
    private static String rangeTable;

    @BeforeAll
    static void createTables(ModynServer server, WireClient wireClient) {
        dynamo = DynamoDbClients.withoutRetries(server);
        wire = wireClient;
        hashTable = TestTables.createHashTable(dynamo, "batch-get", ScalarAttributeType.S);
        rangeTable = TestTables.createHashRangeTable(dynamo, "batch-get-range", ScalarAttributeType.S, ScalarAttributeType.N);
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @Test
    void readsFromSeveralTablesAndLeavesOutMissingKeys() {
        String id = UUID.randomUUID().toString();
        dynamo.putItem(put -> put.tableName(hashTable).item(Map.of("pk", s(id), "v", s("hash"))));
        dynamo.putItem(put -> put.tableName(rangeTable).item(Map.of("pk", s(id), "sk", n(1), "v", s("range"))));

        BatchGetItemResponse response = dynamo.batchGetItem(batch -> batch.requestItems(Map.of(
                hashTable, KeysAndAttributes.builder().keys(Map.of("pk", s(id)), Map.of("pk", s("missing-" + id))).build(),
                rangeTable, KeysAndAttributes.builder().keys(Map.of("pk", s(id), "sk", n(1))).consistentRead(true).build())));

        assertEquals(List.of(Map.of("pk", s(id), "v", s("hash"))), response.responses().get(hashTable));
        assertEquals(List.of(Map.of("pk", s(id), "sk", n(1), "v", s("range"))), response.responses().get(rangeTable));
        assertTrue(response.unprocessedKeys().isEmpty());
    }

    @Test
    void tableWhoseKeysAreAllMissingAnswersAnEmptyList() {
        BatchGetItemResponse response = dynamo.batchGetItem(batch -> batch.requestItems(Map.of(hashTable,
                KeysAndAttributes.builder().keys(Map.of("pk", s("missing-" + UUID.randomUUID()))).build())));

        assertEquals(List.of(), response.responses().get(hashTable));
    }

    @Test
    void eachTableHasItsOwnProjectionWithNamePlaceholders() {
        String id = UUID.randomUUID().toString();
        dynamo.putItem(put -> put.tableName(hashTable).item(Map.of("pk", s(id), "name", s("n"), "other", s("o"))));
        dynamo.putItem(put -> put.tableName(rangeTable).item(Map.of("pk", s(id), "sk", n(1), "a", s("a"), "b", s("b"))));

        BatchGetItemResponse response = dynamo.batchGetItem(batch -> batch.requestItems(Map.of(
                hashTable, KeysAndAttributes.builder().keys(Map.of("pk", s(id)))
                        .projectionExpression("#n").expressionAttributeNames(Map.of("#n", "name")).build(),
                rangeTable, KeysAndAttributes.builder().keys(Map.of("pk", s(id), "sk", n(1)))
                        .projectionExpression("sk, b").build())));

        assertEquals(List.of(Map.of("name", s("n"))), response.responses().get(hashTable));
        assertEquals(List.of(Map.of("sk", n(1), "b", s("b"))), response.responses().get(rangeTable));
    }

    @Test
    void oneHundredKeysAreAccepted() {
        List<Map<String, AttributeValue>> keys = keys(100);

        BatchGetItemResponse response = dynamo.batchGetItem(batch -> batch.requestItems(Map.of(hashTable,
                KeysAndAttributes.builder().keys(keys).build())));

        assertEquals(List.of(), response.responses().get(hashTable));
    }

    @Test
    void moreThanOneHundredKeysForOneTableIsAConstraintViolation() {
        // The current answer names the member path; the older one echoed the keys
        // (paritysuite/dynamodb-conformance batchGetItem.test.ts; dynalite test/batchGetItem.js).
        assertValidationErrorMatching("1 validation error detected: Value (at 'RequestItems\\." + Pattern.quote(hashTable)
                        + "\\.member\\.Keys'|'\\[.+\\]' at 'requestItems\\." + Pattern.quote(hashTable)
                        + "\\.member\\.keys') failed to satisfy constraint: Member must have length less than or equal to 100",
                () -> dynamo.batchGetItem(batch -> batch.requestItems(Map.of(hashTable,
                        KeysAndAttributes.builder().keys(keys(101)).build()))));
    }

    @Test
    void moreThanOneHundredKeysOverSeveralTablesIsTooMany() {
        assertValidationError("Too many items requested for the BatchGetItem call",
                () -> dynamo.batchGetItem(batch -> batch.requestItems(Map.of(
                        hashTable, KeysAndAttributes.builder().keys(keys(60)).build(),
                        rangeTable, KeysAndAttributes.builder().keys(IntStream.range(0, 41)
                                .mapToObj(i -> Map.of("pk", s("k"), "sk", n(i))).toList()).build()))));
    }

    @Test
    void duplicateKeysAreRefused() {
        Map<String, AttributeValue> key = Map.of("pk", s(UUID.randomUUID().toString()));

        assertValidationError("Provided list of item keys contains duplicates",
                () -> dynamo.batchGetItem(batch -> batch.requestItems(Map.of(hashTable,
                        KeysAndAttributes.builder().keys(key, Map.of("pk", s("other")), key).build()))));
    }

    @Test
    void keyNotMatchingTheSchemaIsRefused() {
        assertValidationError("The provided key element does not match the schema",
                () -> dynamo.batchGetItem(batch -> batch.requestItems(Map.of(rangeTable,
                        KeysAndAttributes.builder().keys(Map.of("pk", s("only-the-hash-key"))).build()))));
    }

    @Test
    void unknownTableIsResourceNotFound() {
        assertDynamoError(ResourceNotFoundException.class, "ResourceNotFoundException", "Requested resource not found",
                () -> dynamo.batchGetItem(batch -> batch.requestItems(Map.of(TestTables.uniqueName("missing"),
                        KeysAndAttributes.builder().keys(Map.of("pk", s("x"))).build()))));
    }

    @Test
    void projectionExpressionAndAttributesToGetTogetherAreRefused() {
        assertValidationError("Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}",
                () -> dynamo.batchGetItem(batch -> batch.requestItems(Map.of(hashTable, KeysAndAttributes.builder()
                        .keys(Map.of("pk", s("x"))).projectionExpression("a").attributesToGet("b").build()))));
    }

    /** Current wording, all regions but one (paritysuite/dynamodb-conformance, batchGetItem.test.ts, 2026). */
    @Test
    void emptyRequestItemsAndEmptyKeysAreConstraintViolations() {
        WireResponse noTables = wire.post("BatchGetItem").body("{\"RequestItems\":{}}").send();
        WireResponse noKeys = wire.post("BatchGetItem").body("{\"RequestItems\":{\"" + hashTable + "\":{\"Keys\":[]}}}").send();

        assertEquals("1 validation error detected: Value at 'RequestItems' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1", noTables.errorMessage(), noTables::toString);
        assertEquals("1 validation error detected: Value at 'RequestItems." + hashTable + ".member.Keys' failed to "
                + "satisfy constraint: Member must have length greater than or equal to 1", noKeys.errorMessage(), noKeys::toString);
    }

    /**
     * 41 items of 400 KB are 16.4 MB, more than one response may carry: what is not read comes back
     * in UnprocessedKeys with the table's ConsistentRead, and asking again reads the rest.
     */
    @Test
    void responseOverSixteenMegabytesLeavesKeysUnprocessed() {
        String big = UUID.randomUUID().toString();
        String payload = "x".repeat(400 * 1024 - 200);
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 41; i++) {
            Map<String, AttributeValue> key = Map.of("pk", s(big), "sk", n(i));
            dynamo.putItem(put -> put.tableName(rangeTable).item(Map.of("pk", key.get("pk"), "sk", key.get("sk"),
                    "payload", s(payload))));
            keys.add(key);
        }

        BatchGetItemResponse first = dynamo.batchGetItem(batch -> batch.requestItems(Map.of(rangeTable,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));

        assertFalse(first.unprocessedKeys().isEmpty(), "16.4 MB cannot come back in one response");
        KeysAndAttributes unprocessed = first.unprocessedKeys().get(rangeTable);
        assertEquals(Boolean.TRUE, unprocessed.consistentRead());
        assertEquals(41, first.responses().get(rangeTable).size() + unprocessed.keys().size());

        Set<Map<String, AttributeValue>> read = new HashSet<>(keysOf(first.responses().get(rangeTable)));
        BatchGetItemRequest retry = BatchGetItemRequest.builder().requestItems(first.unprocessedKeys()).build();
        for (int round = 0; round < 10 && !retry.requestItems().isEmpty(); round++) {
            BatchGetItemResponse next = dynamo.batchGetItem(retry);
            read.addAll(keysOf(next.responses().getOrDefault(rangeTable, List.of())));
            retry = BatchGetItemRequest.builder().requestItems(next.unprocessedKeys()).build();
        }
        assertEquals(new HashSet<>(keys), read);
    }

    private static List<Map<String, AttributeValue>> keysOf(List<Map<String, AttributeValue>> items) {
        return items.stream().map(item -> Map.of("pk", item.get("pk"), "sk", item.get("sk"))).toList();
    }

    private static List<Map<String, AttributeValue>> keys(int count) {
        String prefix = UUID.randomUUID().toString();
        return IntStream.range(0, count).mapToObj(i -> Map.of("pk", s(prefix + "-" + i))).collect(Collectors.toList());
    }
}
