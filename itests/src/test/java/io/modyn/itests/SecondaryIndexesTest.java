package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorStartingWith;
import static io.modyn.itests.support.SecondaryIndexes.all;
import static io.modyn.itests.support.SecondaryIndexes.gsi;
import static io.modyn.itests.support.SecondaryIndexes.include;
import static io.modyn.itests.support.SecondaryIndexes.keysOnly;
import static io.modyn.itests.support.SecondaryIndexes.lsi;
import static io.modyn.itests.support.TestTables.definition;
import static io.modyn.itests.support.TestTables.key;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.Items;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.StoredItems;
import io.modyn.itests.support.TestTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Global and local secondary indexes declared at CreateTable: what DescribeTable reports of them
 * (IndexStatus, IndexArn, ItemCount, IndexSizeBytes, Projection), DynamoDB's validation of index
 * key schemas, attribute definitions, projections and the limits of 20 global and 5 local indexes,
 * and the checks every write makes on the index key attributes it carries: the declared type, no
 * empty string, refused with DynamoDB's message and without writing anything.
 *
 * <p>Messages are those of the API reference and of captures against DynamoDB (dynalite's
 * test/createTable.js; paritysuite/dynamodb-conformance, tests/tier3/error-messages).
 */
@ExtendWith(SharedModynServer.class)
class SecondaryIndexesTest {

    private static final String INVALID = "One or more parameter values were invalid: ";

    private static DynamoDbClient dynamo;
    /** pk (S) and sk (N); GSI by-status on status (S), LSI by-rank on rank (N), both projecting everything. */
    private static String indexed;

    @BeforeAll
    static void createIndexedTable(ModynServer server) {
        dynamo = DynamoDbClients.withoutRetries(server);
        indexed = TestTables.uniqueName("indexed-writes");
        dynamo.createTable(onDemand(indexed)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("sk", ScalarAttributeType.N),
                        definition("status", ScalarAttributeType.S), definition("rank", ScalarAttributeType.N))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(gsi("by-status", all(), key("status", KeyType.HASH)))
                .localSecondaryIndexes(lsi("by-rank", all(), key("pk", KeyType.HASH), key("rank", KeyType.RANGE)))
                .build());
        TestTables.awaitActive(dynamo, indexed);
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    // ---- CreateTable and DescribeTable ----

    @Test
    void describeTableReportsGlobalAndLocalIndexesAsDeclared() {
        String name = TestTables.uniqueName("indexes-described");
        dynamo.createTable(onDemand(name)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("sk", ScalarAttributeType.N),
                        definition("status", ScalarAttributeType.S), definition("created", ScalarAttributeType.N),
                        definition("owner", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(
                        gsi("by-status", include("title", "total"), key("status", KeyType.HASH), key("created", KeyType.RANGE)),
                        gsi("by-owner", keysOnly(), key("owner", KeyType.HASH)))
                .localSecondaryIndexes(lsi("by-created", all(), key("pk", KeyType.HASH), key("created", KeyType.RANGE)))
                .build());
        TableDescription table = TestTables.awaitActive(dynamo, name);

        Map<String, GlobalSecondaryIndexDescription> gsis = table.globalSecondaryIndexes().stream()
                .collect(Collectors.toMap(GlobalSecondaryIndexDescription::indexName, Function.identity()));
        GlobalSecondaryIndexDescription byStatus = gsis.get("by-status");
        GlobalSecondaryIndexDescription byOwner = gsis.get("by-owner");
        LocalSecondaryIndexDescription byCreated = table.localSecondaryIndexes().get(0);
        assertAll(
                () -> assertEquals(Set.of("by-status", "by-owner"), gsis.keySet()),
                () -> assertEquals(Set.of(definition("pk", ScalarAttributeType.S), definition("sk", ScalarAttributeType.N),
                                definition("status", ScalarAttributeType.S), definition("created", ScalarAttributeType.N),
                                definition("owner", ScalarAttributeType.S)),
                        Set.copyOf(table.attributeDefinitions())),
                () -> assertEquals(List.of(key("status", KeyType.HASH), key("created", KeyType.RANGE)), byStatus.keySchema()),
                () -> assertEquals(ProjectionType.INCLUDE, byStatus.projection().projectionType()),
                () -> assertEquals(Set.of("title", "total"), Set.copyOf(byStatus.projection().nonKeyAttributes())),
                () -> assertEquals(IndexStatus.ACTIVE, byStatus.indexStatus()),
                () -> assertEquals(table.tableArn() + "/index/by-status", byStatus.indexArn()),
                () -> assertEquals(0L, byStatus.itemCount()),
                () -> assertEquals(0L, byStatus.indexSizeBytes()),
                () -> assertEquals(0L, byStatus.provisionedThroughput().readCapacityUnits()),
                () -> assertEquals(0L, byStatus.provisionedThroughput().writeCapacityUnits()),
                () -> assertEquals(List.of(key("owner", KeyType.HASH)), byOwner.keySchema()),
                () -> assertEquals(ProjectionType.KEYS_ONLY, byOwner.projection().projectionType()),
                () -> assertFalse(byOwner.projection().hasNonKeyAttributes(), "KEYS_ONLY lists no NonKeyAttributes"),
                () -> assertEquals(IndexStatus.ACTIVE, byOwner.indexStatus()),
                () -> assertEquals(table.tableArn() + "/index/by-owner", byOwner.indexArn()),
                () -> assertEquals(1, table.localSecondaryIndexes().size()),
                () -> assertEquals("by-created", byCreated.indexName()),
                () -> assertEquals(List.of(key("pk", KeyType.HASH), key("created", KeyType.RANGE)), byCreated.keySchema()),
                () -> assertEquals(ProjectionType.ALL, byCreated.projection().projectionType()),
                () -> assertEquals(table.tableArn() + "/index/by-created", byCreated.indexArn()),
                () -> assertEquals(0L, byCreated.itemCount()),
                () -> assertEquals(0L, byCreated.indexSizeBytes()));
    }

    @Test
    void createTableAnswersTheIndexesAsCreatingOrActive() {
        String name = TestTables.uniqueName("indexes-created");
        TableDescription created = dynamo.createTable(onDemand(name)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("g", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH))
                .globalSecondaryIndexes(gsi("by-g", all(), key("g", KeyType.HASH)))
                .build()).tableDescription();

        GlobalSecondaryIndexDescription index = created.globalSecondaryIndexes().get(0);
        assertTrue(index.indexStatus() == IndexStatus.CREATING || index.indexStatus() == IndexStatus.ACTIVE,
                "a new table's index is CREATING or ACTIVE, was " + index.indexStatusAsString());
        assertEquals(created.tableArn() + "/index/by-g", index.indexArn());
    }

    @Test
    void provisionedTableKeepsEachGlobalIndexThroughput() {
        String name = TestTables.uniqueName("indexes-provisioned");
        dynamo.createTable(CreateTableRequest.builder().tableName(name)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("g", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH))
                .provisionedThroughput(throughput -> throughput.readCapacityUnits(1L).writeCapacityUnits(1L))
                .globalSecondaryIndexes(gsi("by-g", all(), key("g", KeyType.HASH)).toBuilder()
                        .provisionedThroughput(throughput -> throughput.readCapacityUnits(3L).writeCapacityUnits(4L)).build())
                .build());

        GlobalSecondaryIndexDescription index = TestTables.awaitActive(dynamo, name).globalSecondaryIndexes().get(0);
        assertEquals(3L, index.provisionedThroughput().readCapacityUnits());
        assertEquals(4L, index.provisionedThroughput().writeCapacityUnits());
    }

    @Test
    void twentyGlobalIndexesAreAccepted() {
        String name = TestTables.uniqueName("twenty-gsis");
        dynamo.createTable(withGlobalIndexes(name, 20));

        assertEquals(20, TestTables.awaitActive(dynamo, name).globalSecondaryIndexes().size());
    }

    @Test
    void twentyOneGlobalIndexesAreRefused() {
        assertValidationError(INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of 20",
                () -> dynamo.createTable(withGlobalIndexes(TestTables.uniqueName("gsis"), 21)));
    }

    @Test
    void fiveLocalIndexesAreAccepted() {
        String name = TestTables.uniqueName("five-lsis");
        dynamo.createTable(withLocalIndexes(name, 5));

        assertEquals(5, TestTables.awaitActive(dynamo, name).localSecondaryIndexes().size());
    }

    @Test
    void sixLocalIndexesAreRefused() {
        assertValidationError(INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of 5",
                () -> dynamo.createTable(withLocalIndexes(TestTables.uniqueName("lsis"), 6)));
    }

    @Test
    void indexKeyWithoutAttributeDefinitionIsRefused() {
        assertValidationError(INVALID + "Some index key attributes are not defined in AttributeDefinitions. "
                        + "Keys: [g], AttributeDefinitions: [pk]",
                () -> dynamo.createTable(onDemand(TestTables.uniqueName("undefined-index-key"))
                        .attributeDefinitions(definition("pk", ScalarAttributeType.S))
                        .keySchema(key("pk", KeyType.HASH))
                        .globalSecondaryIndexes(gsi("by-g", all(), key("g", KeyType.HASH)))
                        .build()));
    }

    @Test
    void sameIndexNameForAGlobalAndALocalIndexIsRefused() {
        assertValidationError(INVALID + "Duplicate index name: twin",
                () -> dynamo.createTable(hashRange(TestTables.uniqueName("duplicate-index"))
                        .globalSecondaryIndexes(gsi("twin", all(), key("sk", KeyType.HASH)))
                        .localSecondaryIndexes(lsi("twin", all(), key("pk", KeyType.HASH), key("sk", KeyType.RANGE)))
                        .build()));
    }

    @Test
    void emptyListOfGlobalIndexesIsRefused() {
        assertValidationError(INVALID + "List of GlobalSecondaryIndexes is empty",
                () -> dynamo.createTable(hashRange(TestTables.uniqueName("no-gsis"))
                        .globalSecondaryIndexes(List.of())
                        .build()));
    }

    @Test
    void indexNameShorterThanThreeCharactersIsRefused() {
        assertValidationError("1 validation error detected: Value 'ab' at 'globalSecondaryIndexes.1.member.indexName' "
                        + "failed to satisfy constraint: Member must have length greater than or equal to 3",
                () -> dynamo.createTable(hashRange(TestTables.uniqueName("short-index"))
                        .globalSecondaryIndexes(gsi("ab", all(), key("sk", KeyType.HASH)))
                        .build()));
    }

    @Test
    void projectionAllWithNonKeyAttributesIsRefused() {
        assertValidationError(INVALID + "ProjectionType is ALL, but NonKeyAttributes is specified",
                () -> dynamo.createTable(withGsiProjection(Projection.builder()
                        .projectionType(ProjectionType.ALL).nonKeyAttributes("a").build())));
    }

    @Test
    void projectionKeysOnlyWithNonKeyAttributesIsRefused() {
        assertValidationError(INVALID + "ProjectionType is KEYS_ONLY, but NonKeyAttributes is specified",
                () -> dynamo.createTable(withGsiProjection(Projection.builder()
                        .projectionType(ProjectionType.KEYS_ONLY).nonKeyAttributes("a").build())));
    }

    @Test
    void projectionIncludeWithoutNonKeyAttributesIsRefused() {
        assertValidationError(INVALID + "ProjectionType is INCLUDE, but NonKeyAttributes is not specified",
                () -> dynamo.createTable(withGsiProjection(Projection.builder()
                        .projectionType(ProjectionType.INCLUDE).build())));
    }

    @Test
    void projectionWithoutTypeIsRefused() {
        // The API reference calls ProjectionType optional; DynamoDB refuses a Projection without it.
        assertValidationError(INVALID + "Unknown ProjectionType: null",
                () -> dynamo.createTable(withGsiProjection(Projection.builder().build())));
    }

    @Test
    void unknownProjectionTypeIsAConstraintViolation() {
        // The order of the enum values in the tail of the message is not the same in every capture.
        assertValidationErrorStartingWith("1 validation error detected: Value 'SOME' at "
                        + "'globalSecondaryIndexes.1.member.projection.projectionType' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [",
                () -> dynamo.createTable(withGsiProjection(Projection.builder().projectionType("SOME").build())));
    }

    @Test
    void localIndexOnATableWithoutSortKeyIsRefused() {
        assertValidationError(INVALID + "Table KeySchema does not have a range key, which is required when specifying "
                        + "a LocalSecondaryIndex",
                () -> dynamo.createTable(onDemand(TestTables.uniqueName("lsi-hash-table"))
                        .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("l", ScalarAttributeType.S))
                        .keySchema(key("pk", KeyType.HASH))
                        .localSecondaryIndexes(lsi("by-l", all(), key("pk", KeyType.HASH), key("l", KeyType.RANGE)))
                        .build()));
    }

    @Test
    void localIndexWithAnotherPartitionKeyIsRefused() {
        assertValidationError(INVALID + "Index KeySchema does not have the same leading hash key as table KeySchema "
                        + "for index: by-l. index hash key: l, table hash key: pk",
                () -> dynamo.createTable(hashRangeWith(TestTables.uniqueName("lsi-other-hash"), "l")
                        .localSecondaryIndexes(lsi("by-l", all(), key("l", KeyType.HASH), key("sk", KeyType.RANGE)))
                        .build()));
    }

    @Test
    void localIndexWithoutSortKeyIsRefused() {
        assertValidationError(INVALID + "Index KeySchema does not have a range key for index: by-pk",
                () -> dynamo.createTable(hashRange(TestTables.uniqueName("lsi-no-range"))
                        .localSecondaryIndexes(lsi("by-pk", all(), key("pk", KeyType.HASH)))
                        .build()));
    }

    @Test
    void globalIndexThroughputOnAnOnDemandTableIsRefused() {
        assertValidationError(INVALID + "ProvisionedThroughput should not be specified for index: by-sk when BillingMode "
                        + "is PAY_PER_REQUEST",
                () -> dynamo.createTable(hashRange(TestTables.uniqueName("gsi-throughput"))
                        .globalSecondaryIndexes(gsi("by-sk", all(), key("sk", KeyType.HASH)).toBuilder()
                                .provisionedThroughput(throughput -> throughput.readCapacityUnits(1L).writeCapacityUnits(1L))
                                .build())
                        .build()));
    }

    @Test
    void globalIndexWithoutThroughputOnAProvisionedTableIsRefused() {
        assertValidationError(INVALID + "ProvisionedThroughput is not specified for index: by-sk",
                () -> dynamo.createTable(hashRange(TestTables.uniqueName("gsi-no-throughput"))
                        .billingMode(BillingMode.PROVISIONED)
                        .provisionedThroughput(throughput -> throughput.readCapacityUnits(1L).writeCapacityUnits(1L))
                        .globalSecondaryIndexes(gsi("by-sk", all(), key("sk", KeyType.HASH)))
                        .build()));
    }

    // ---- Writes carrying index key attributes ----

    @Test
    void putWithAnIndexKeyOfTheWrongTypeIsRefusedAndWritesNothing() {
        Map<String, AttributeValue> key = newKey();
        StoredItems.assertUnchangedBy(dynamo, indexed, key, () -> assertValidationError(INVALID
                        + "Type mismatch for Index Key status Expected: S Actual: N IndexName: by-status",
                () -> dynamo.putItem(put -> put.tableName(indexed).item(with(key, "status", n(7))))));
    }

    /** Index keys have the table keys' limits: 2048 bytes for a partition key, 1024 for a sort key. */
    @Test
    void putWithAnIndexKeyOverTheKeySizeLimitIsRefusedAndWritesNothing() {
        Map<String, AttributeValue> key = newKey();
        StoredItems.assertUnchangedBy(dynamo, indexed, key, () -> assertValidationError(INVALID
                        + "Size limit exceeded for Index Key status Actual Size: 2049 bytes Max Size: 2048 bytes IndexName: by-status",
                () -> dynamo.putItem(put -> put.tableName(indexed).item(with(key, "status", s("s".repeat(2049)))))));

        dynamo.putItem(put -> put.tableName(indexed).item(with(key, "status", s("s".repeat(2048)))));
        assertEquals(2048, StoredItems.get(dynamo, indexed, key).get("status").s().length());
    }

    @Test
    void putWithALocalIndexKeyOfTheWrongTypeIsRefused() {
        Map<String, AttributeValue> key = newKey();
        StoredItems.assertUnchangedBy(dynamo, indexed, key, () -> assertValidationError(INVALID
                        + "Type mismatch for Index Key rank Expected: N Actual: S IndexName: by-rank",
                () -> dynamo.putItem(put -> put.tableName(indexed).item(with(key, "rank", s("first"))))));
    }

    @Test
    void updateSettingAnIndexKeyToTheWrongTypeIsRefusedAndLeavesTheItem() {
        Map<String, AttributeValue> key = newKey();
        dynamo.putItem(put -> put.tableName(indexed).item(with(key, "status", s("open"))));

        StoredItems.assertUnchangedBy(dynamo, indexed, key, () -> assertValidationError(INVALID
                        + "Type mismatch for Index Key status Expected: S Actual: N IndexName: by-status",
                () -> dynamo.updateItem(update -> update.tableName(indexed).key(key)
                        .updateExpression("SET #s = :v")
                        .expressionAttributeNames(Map.of("#s", "status"))
                        .expressionAttributeValues(Map.of(":v", n(1))))));
    }

    @Test
    void batchWriteWithOneWrongIndexKeyWritesNoneOfItsItems() {
        Map<String, AttributeValue> good = newKey();
        Map<String, AttributeValue> bad = newKey();

        assertValidationError(INVALID + "Type mismatch for Index Key status Expected: S Actual: N IndexName: by-status",
                () -> dynamo.batchWriteItem(batch -> batch.requestItems(Map.of(indexed, List.of(
                        put(with(good, "status", s("fine"))), put(with(bad, "status", n(3))))))));

        assertNull(StoredItems.get(dynamo, indexed, good));
        assertNull(StoredItems.get(dynamo, indexed, bad));
    }

    @Test
    void putWithAnEmptyStringIndexKeyIsRefused() {
        Map<String, AttributeValue> key = newKey();
        StoredItems.assertUnchangedBy(dynamo, indexed, key, () -> assertValidationError("One or more parameter values "
                        + "are not valid. A value specified for a secondary index key is not supported. The AttributeValue "
                        + "for a key attribute cannot contain an empty string value. IndexName: by-status, IndexKey: status",
                () -> dynamo.putItem(put -> put.tableName(indexed).item(with(key, "status", s(""))))));
    }

    @Test
    void updateSettingAnIndexKeyToAnEmptyStringIsRefused() {
        Map<String, AttributeValue> key = newKey();
        dynamo.putItem(put -> put.tableName(indexed).item(with(key, "status", s("open"))));

        StoredItems.assertUnchangedBy(dynamo, indexed, key, () -> assertValidationError("One or more parameter values "
                        + "are not valid. The update expression attempted to update a secondary index key to a value that "
                        + "is not supported. The AttributeValue for a key attribute cannot contain an empty string value.",
                () -> dynamo.updateItem(update -> update.tableName(indexed).key(key)
                        .updateExpression("SET #s = :v")
                        .expressionAttributeNames(Map.of("#s", "status"))
                        .expressionAttributeValues(Map.of(":v", s(""))))));
    }

    @Test
    void itemsWithoutIndexKeysOrWithEmptyNonKeyAttributesAreWritten() {
        // Sparse: an index key may be absent. Only key attributes refuse empty strings.
        Map<String, AttributeValue> key = newKey();
        Map<String, AttributeValue> item = with(key, "note", s(""));

        dynamo.putItem(put -> put.tableName(indexed).item(item));

        assertEquals(item, StoredItems.get(dynamo, indexed, key));
    }

    private static Map<String, AttributeValue> newKey() {
        return Map.of("pk", s(UUID.randomUUID().toString()), "sk", n(1));
    }

    private static Map<String, AttributeValue> with(Map<String, AttributeValue> key, String name, AttributeValue value) {
        return Items.merged(key, Map.of(name, value));
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    private static CreateTableRequest.Builder onDemand(String name) {
        return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
    }

    /** An on-demand table keyed by pk (S) and sk (S), with no other attribute defined. */
    private static CreateTableRequest.Builder hashRange(String name) {
        return onDemand(name)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("sk", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
    }

    /** Like {@link #hashRange} with one more string attribute defined for an index key. */
    private static CreateTableRequest.Builder hashRangeWith(String name, String attribute) {
        return onDemand(name)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("sk", ScalarAttributeType.S),
                        definition(attribute, ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
    }

    private static CreateTableRequest withGsiProjection(Projection projection) {
        return hashRange(TestTables.uniqueName("projection"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-sk")
                        .keySchema(key("sk", KeyType.HASH)).projection(projection).build())
                .build();
    }

    /** {@code count} global indexes, all on sk: DynamoDB allows several indexes with the same key. */
    private static CreateTableRequest withGlobalIndexes(String name, int count) {
        List<GlobalSecondaryIndex> indexes = IntStream.range(0, count)
                .mapToObj(i -> gsi("gsi-" + i, keysOnly(), key("sk", KeyType.HASH))).toList();
        return hashRange(name).globalSecondaryIndexes(indexes).build();
    }

    private static CreateTableRequest withLocalIndexes(String name, int count) {
        List<String> attributes = IntStream.range(0, count).mapToObj(i -> "l" + i).toList();
        List<LocalSecondaryIndex> indexes = attributes.stream()
                .map(attribute -> lsi("lsi-" + attribute, keysOnly(), key("pk", KeyType.HASH), key(attribute, KeyType.RANGE)))
                .toList();
        List<AttributeDefinition> definitions = new ArrayList<>(List.of(definition("pk", ScalarAttributeType.S),
                definition("sk", ScalarAttributeType.S)));
        attributes.forEach(attribute -> definitions.add(definition(attribute, ScalarAttributeType.S)));
        return onDemand(name).attributeDefinitions(definitions)
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .localSecondaryIndexes(indexes)
                .build();
    }
}
