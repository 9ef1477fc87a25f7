package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static io.modyn.itests.support.SecondaryIndexes.all;
import static io.modyn.itests.support.SecondaryIndexes.gsi;
import static io.modyn.itests.support.SecondaryIndexes.keysOnly;
import static io.modyn.itests.support.TestTables.definition;
import static io.modyn.itests.support.TestTables.key;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SecondaryIndexes;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.StoredItems;
import io.modyn.itests.support.TestTables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Global indexes added and removed by UpdateTable (GlobalSecondaryIndexUpdates). A new index is
 * answered CREATING, is backfilled with the items already in the table (Backfilling true while
 * that runs), then turns ACTIVE; items whose key attribute has another type than the index
 * declares are left out of it, as DynamoDB's backfill leaves out index key violations (developer
 * guide, "Detecting and correcting index key violations"). A deleted index is answered DELETING and
 * then disappears. Waits are bounded polls of DescribeTable.
 */
@ExtendWith(SharedModynServer.class)
class GsiLifecycleTest {

    private static final Duration INDEX_TIMEOUT = Duration.ofSeconds(60);

    private static DynamoDbClient dynamo;

    @BeforeAll
    static void connect(ModynServer server) {
        dynamo = DynamoDbClients.withoutRetries(server);
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @Test
    void createdIndexIsBackfilledWithExistingItemsWhileCreatingThenActive() {
        String table = TestTables.createHashTable(dynamo, "gsi-backfill", ScalarAttributeType.S);
        Set<String> indexed = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String pk = "typed-" + i;
            put(table, Map.of("pk", s(pk), "x", s("x-" + (i % 4)), "y", n(i)));
            indexed.add(pk);
        }
        for (int i = 0; i < 5; i++) put(table, Map.of("pk", s("absent-" + i), "y", n(i)));
        for (int i = 0; i < 5; i++) put(table, Map.of("pk", s("mistyped-" + i), "x", n(i)));

        TableDescription answered = dynamo.updateTable(update -> update.tableName(table)
                .attributeDefinitions(definition("x", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(create(gsi("by-x", all(), key("x", KeyType.HASH))))).tableDescription();

        GlobalSecondaryIndexDescription creating = SecondaryIndexes.gsiOf(answered, "by-x").orElseThrow();
        assertAll(
                () -> assertEquals(IndexStatus.CREATING, creating.indexStatus(), "UpdateTable answers the new index CREATING"),
                () -> assertEquals(answered.tableArn() + "/index/by-x", creating.indexArn()),
                () -> assertEquals(List.of(key("x", KeyType.HASH)), creating.keySchema()));

        // Written while the index is being created: must end up in it as well.
        put(table, Map.of("pk", s("during-backfill"), "x", s("x-0")));
        indexed.add("during-backfill");

        List<String> seen = new ArrayList<>();
        GlobalSecondaryIndexDescription active = SecondaryIndexes.awaitGsiActive(dynamo, table, "by-x", INDEX_TIMEOUT,
                description -> SecondaryIndexes.gsiOf(description, "by-x").ifPresent(index -> {
                    seen.add(index.indexStatusAsString() + (Boolean.TRUE.equals(index.backfilling()) ? "+backfilling" : ""));
                    assertTrue(index.indexStatus() == IndexStatus.CREATING || index.indexStatus() == IndexStatus.ACTIVE,
                            "a new index is CREATING until ACTIVE: " + index);
                    assertFalse(index.indexStatus() == IndexStatus.ACTIVE && Boolean.TRUE.equals(index.backfilling()),
                            "an ACTIVE index is no longer backfilling: " + index);
                }));

        assertFalse(Boolean.TRUE.equals(active.backfilling()), "states seen: " + seen);
        assertEquals(indexed, scanIndex(table, "by-x"));
        assertEquals(Set.of("typed-0", "typed-4", "typed-8", "typed-12", "typed-16", "during-backfill"),
                queryIndex(table, "by-x", "x", s("x-0")));
    }

    @Test
    void theBackfillLeavesOutItemsWhoseValuesAreTooLargeForAnIndexKey() {
        String table = TestTables.createHashTable(dynamo, "gsi-backfill-sizes", ScalarAttributeType.S);
        put(table, Map.of("pk", s("fits"), "x", s("x".repeat(2048)), "y", s("y".repeat(1024))));
        put(table, Map.of("pk", s("partition-too-large"), "x", s("x".repeat(2049)), "y", s("y")));
        put(table, Map.of("pk", s("sort-too-large"), "x", s("x"), "y", s("y".repeat(1025))));

        dynamo.updateTable(update -> update.tableName(table)
                .attributeDefinitions(definition("x", ScalarAttributeType.S), definition("y", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(create(gsi("by-x-y", keysOnly(), key("x", KeyType.HASH), key("y", KeyType.RANGE)))));
        SecondaryIndexes.awaitGsiActive(dynamo, table, "by-x-y", INDEX_TIMEOUT, description -> { });

        // The items stay in the table, out of the index, as DynamoDB's backfill leaves them.
        assertEquals(Set.of("fits"), scanIndex(table, "by-x-y"));
        assertEquals(Set.of("fits", "partition-too-large", "sort-too-large"), dynamo.scanPaginator(ScanRequest.builder()
                .tableName(table).consistentRead(true).build()).items().stream().map(item -> item.get("pk").s()).collect(Collectors.toSet()));
        assertValidationError("One or more parameter values were invalid: Size limit exceeded for Index Key y Actual Size: 1025 bytes "
                + "Max Size: 1024 bytes IndexName: by-x-y", () -> put(table, Map.of("pk", s("later"), "x", s("x"), "y", s("y".repeat(1025)))));
    }

    @Test
    void writesToAnActiveAddedIndexAreTypeChecked() {
        String table = TestTables.createHashTable(dynamo, "gsi-added-checks", ScalarAttributeType.S);
        dynamo.updateTable(update -> update.tableName(table)
                .attributeDefinitions(definition("x", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(create(gsi("by-x", keysOnly(), key("x", KeyType.HASH)))));
        SecondaryIndexes.awaitGsiActive(dynamo, table, "by-x", INDEX_TIMEOUT, description -> { });

        Map<String, AttributeValue> key = Map.of("pk", s("wrong"));
        StoredItems.assertUnchangedBy(dynamo, table, key, () -> assertValidationError("One or more parameter values were "
                        + "invalid: Type mismatch for Index Key x Expected: S Actual: N IndexName: by-x",
                () -> put(table, Map.of("pk", s("wrong"), "x", n(1)))));
    }

    @Test
    void describeTableListsTheAddedIndexBesideTheOnesCreatedWithTheTable() {
        String table = TestTables.uniqueName("gsi-second");
        dynamo.createTable(create -> create.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("a", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH))
                .globalSecondaryIndexes(gsi("by-a", all(), key("a", KeyType.HASH))));
        TestTables.awaitActive(dynamo, table);

        dynamo.updateTable(update -> update.tableName(table)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("a", ScalarAttributeType.S),
                        definition("b", ScalarAttributeType.N))
                .globalSecondaryIndexUpdates(create(gsi("by-b", keysOnly(), key("b", KeyType.HASH)))));
        SecondaryIndexes.awaitGsiActive(dynamo, table, "by-b", INDEX_TIMEOUT, description -> { });

        TableDescription described = dynamo.describeTable(describe -> describe.tableName(table)).table();
        assertEquals(Set.of("by-a", "by-b"), described.globalSecondaryIndexes().stream()
                .map(GlobalSecondaryIndexDescription::indexName).collect(Collectors.toSet()));
        assertTrue(described.attributeDefinitions().contains(definition("b", ScalarAttributeType.N)),
                "AttributeDefinitions " + described.attributeDefinitions());
    }

    @Test
    void deletedIndexIsAnsweredDeletingThenGoneAndCannotBeQueried() {
        String table = TestTables.uniqueName("gsi-delete");
        dynamo.createTable(create -> create.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("x", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH))
                .globalSecondaryIndexes(gsi("by-x", all(), key("x", KeyType.HASH))));
        TestTables.awaitActive(dynamo, table);
        put(table, Map.of("pk", s("kept"), "x", s("v")));

        TableDescription answered = dynamo.updateTable(update -> update.tableName(table)
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                        .delete(delete -> delete.indexName("by-x")).build())).tableDescription();

        SecondaryIndexes.gsiOf(answered, "by-x").ifPresent(index -> assertEquals(IndexStatus.DELETING, index.indexStatus(),
                "UpdateTable answers the deleted index DELETING"));
        SecondaryIndexes.awaitGsiGone(dynamo, table, "by-x", INDEX_TIMEOUT, description -> { });
        assertValidationError("The table does not have the specified index: by-x",
                () -> dynamo.query(query -> query.tableName(table).indexName("by-x")
                        .keyConditionExpression("x = :v").expressionAttributeValues(Map.of(":v", s("v")))));
        assertNotNull(StoredItems.get(dynamo, table, Map.of("pk", s("kept"))), "the table keeps its items");
        // The attribute may now carry any type: no index declares it any more.
        put(table, Map.of("pk", s("any-type"), "x", n(1)));
    }

    @Test
    void creatingAnIndexThatExistsIsRefused() {
        String table = TestTables.uniqueName("gsi-exists");
        dynamo.createTable(create -> create.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("x", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH))
                .globalSecondaryIndexes(gsi("by-x", all(), key("x", KeyType.HASH))));
        TestTables.awaitActive(dynamo, table);

        assertValidationError("Attempting to create an index which already exists",
                () -> dynamo.updateTable(update -> update.tableName(table)
                        .attributeDefinitions(definition("x", ScalarAttributeType.S))
                        .globalSecondaryIndexUpdates(create(gsi("by-x", all(), key("x", KeyType.HASH))))));
    }

    @Test
    void creatingAnIndexWithoutAttributeDefinitionsIsRefused() {
        String table = TestTables.createHashTable(dynamo, "gsi-no-definitions", ScalarAttributeType.S);

        assertValidationError("One or more parameter values were invalid: AttributeDefinitions is not specified for index: by-x",
                () -> dynamo.updateTable(update -> update.tableName(table)
                        .globalSecondaryIndexUpdates(create(gsi("by-x", all(), key("x", KeyType.HASH))))));
    }

    @Test
    void deletingAnUnknownIndexIsResourceNotFound() {
        String table = TestTables.createHashTable(dynamo, "gsi-delete-missing", ScalarAttributeType.S);

        // The API reference lists ResourceNotFoundException; its message is not pinned here.
        ResourceNotFoundException error = assertThrows(ResourceNotFoundException.class,
                () -> dynamo.updateTable(update -> update.tableName(table)
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                                .delete(delete -> delete.indexName("no-such-index")).build())));
        assertEquals(400, error.statusCode());
    }

    @Test
    void aTwentyFirstIndexIsOverTheLimit() {
        String table = TestTables.uniqueName("gsi-limit");
        dynamo.createTable(create -> create.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("x", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH))
                .globalSecondaryIndexes(IntStream.range(0, 20)
                        .mapToObj(i -> gsi("gsi-" + i, keysOnly(), key("x", KeyType.HASH))).toList()));
        TestTables.awaitActive(dynamo, table);

        // CreateTable refuses 21 indexes with a ValidationException; UpdateTable with LimitExceededException.
        LimitExceededException error = assertThrows(LimitExceededException.class,
                () -> dynamo.updateTable(update -> update.tableName(table)
                        .attributeDefinitions(definition("x", ScalarAttributeType.S))
                        .globalSecondaryIndexUpdates(create(gsi("gsi-20", keysOnly(), key("x", KeyType.HASH))))));
        assertEquals("LimitExceededException", error.awsErrorDetails().errorCode());
        assertEquals(TableStatus.ACTIVE, TestTables.awaitActive(dynamo, table).tableStatus());
    }

    private static GlobalSecondaryIndexUpdate create(GlobalSecondaryIndex index) {
        return GlobalSecondaryIndexUpdate.builder().create(CreateGlobalSecondaryIndexAction.builder()
                .indexName(index.indexName()).keySchema(index.keySchema()).projection(index.projection()).build()).build();
    }

    private static void put(String table, Map<String, AttributeValue> item) {
        dynamo.putItem(put -> put.tableName(table).item(item));
    }

    private static Set<String> scanIndex(String table, String index) {
        return dynamo.scanPaginator(ScanRequest.builder().tableName(table).indexName(index).build()).items().stream()
                .map(item -> item.get("pk").s()).collect(Collectors.toSet());
    }

    private static Set<String> queryIndex(String table, String index, String attribute, AttributeValue value) {
        return dynamo.queryPaginator(query -> query.tableName(table).indexName(index)
                        .keyConditionExpression("#k = :v").expressionAttributeNames(Map.of("#k", attribute))
                        .expressionAttributeValues(Map.of(":v", value)))
                .items().stream().map(item -> item.get("pk").s()).collect(Collectors.toSet());
    }
}
