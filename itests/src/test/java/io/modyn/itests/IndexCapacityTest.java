package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.SecondaryIndexes.all;
import static io.modyn.itests.support.SecondaryIndexes.gsi;
import static io.modyn.itests.support.SecondaryIndexes.include;
import static io.modyn.itests.support.SecondaryIndexes.lsi;
import static io.modyn.itests.support.TestTables.definition;
import static io.modyn.itests.support.TestTables.key;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What writes to a table with secondary indexes cost and report: ReturnConsumedCapacity=INDEXES
 * gives the table's share and one entry per index the write changed (developer guide, "Provisioned
 * throughput considerations for global secondary indexes": a new index entry costs one write, a
 * changed index key two — delete and insert —, removing it one, a write the index does not see
 * nothing); TOTAL folds them into one number. ReturnItemCollectionMetrics=SIZE on a table with a
 * local index answers the item collection's key and its size range in GB.
 *
 * <p>The index arithmetic is the one captured against DynamoDB with items under 1 KB, where every
 * index write is one unit (paritysuite/dynamodb-conformance, tests/tier1/putItem/
 * indexConsumedCapacity.test.ts and itemCollectionMetrics.test.ts). The item-collection limit
 * itself (ItemCollectionSizeLimitExceededException) is covered by ItemCollectionLimitTest, on a
 * server configured with a small limit.
 */
@ExtendWith(SharedModynServer.class)
class IndexCapacityTest {

    private static DynamoDbClient dynamo;
    /** pk, sk; GSI gsi-inc on gsiPk projecting INCLUDE proj; LSI lsi1 on lsiSk projecting ALL. */
    private static String table;

    @BeforeAll
    static void createTable(ModynServer server) {
        dynamo = DynamoDbClients.withoutRetries(server);
        table = TestTables.uniqueName("index-capacity");
        dynamo.createTable(create -> create.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("sk", ScalarAttributeType.S),
                        definition("gsiPk", ScalarAttributeType.S), definition("lsiSk", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(gsi("gsi-inc", include("proj"), key("gsiPk", KeyType.HASH)))
                .localSecondaryIndexes(lsi("lsi1", all(), key("pk", KeyType.HASH), key("lsiSk", KeyType.RANGE))));
        TestTables.awaitActive(dynamo, table);
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @Test
    void putReportsTheGlobalIndexWriteBesideTheTableWrite() {
        ConsumedCapacity capacity = put(item("gsiPk", "g1", "proj", "p"));

        assertArms(capacity, 2, 1, 1.0, null);
    }

    @Test
    void putIntoBothIndexesReportsBoth() {
        ConsumedCapacity capacity = put(item("gsiPk", "g1", "lsiSk", "L1", "proj", "p"));

        assertArms(capacity, 3, 1, 1.0, 1.0);
    }

    @Test
    void sparsePutCostsOnlyTheTableWrite() {
        ConsumedCapacity capacity = put(item("extra", "o"));

        assertArms(capacity, 1, 1, null, null);
    }

    @Test
    void totalFoldsTheIndexWritesIntoOneNumberWithoutArms() {
        ConsumedCapacity capacity = dynamo.putItem(put -> put.tableName(table)
                .item(item("gsiPk", "g1", "proj", "p")).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

        assertEquals(2.0, capacity.capacityUnits());
        assertNull(capacity.table());
        assertFalse(capacity.hasGlobalSecondaryIndexes());
    }

    @Test
    void identicalOverwriteCostsNoIndexWrite() {
        Map<String, AttributeValue> item = item("gsiPk", "g1", "lsiSk", "L1", "proj", "p");
        put(item);

        assertArms(put(item), 1, 1, null, null);
    }

    @Test
    void updateOfANonProjectedAttributeCostsOnlyTheIndexesThatProjectIt() {
        Map<String, AttributeValue> item = seed();

        ConsumedCapacity capacity = update(item, "SET extra = :v", Map.of(":v", s("o2")));

        assertArms(capacity, 2, 1, null, 1.0);
    }

    @Test
    void updateOfAProjectedAttributeCostsOneWritePerIndex() {
        Map<String, AttributeValue> item = seed();

        ConsumedCapacity capacity = update(item, "SET proj = :v", Map.of(":v", s("p2")));

        assertArms(capacity, 3, 1, 1.0, 1.0);
    }

    @Test
    void changingAnIndexKeyCostsADeleteAndAnInsert() {
        Map<String, AttributeValue> item = seed();

        ConsumedCapacity capacity = update(item, "SET gsiPk = :v", Map.of(":v", s("moved")));

        assertArms(capacity, 4, 1, 2.0, 1.0);
    }

    @Test
    void removingAnIndexKeyCostsOneDelete() {
        Map<String, AttributeValue> item = seed();

        ConsumedCapacity capacity = update(item, "REMOVE gsiPk", Map.of());

        assertArms(capacity, 3, 1, 1.0, 1.0);
    }

    @Test
    void deleteCostsOneWritePerIndexTheItemWasIn() {
        Map<String, AttributeValue> item = seed();

        ConsumedCapacity capacity = dynamo.deleteItem(delete -> delete.tableName(table).key(keyOf(item))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();

        assertArms(capacity, 3, 1, 1.0, 1.0);
    }

    @Test
    void batchWriteReportsOneEntryPerTableWithTheIndexesItTouched() {
        List<ConsumedCapacity> capacities = dynamo.batchWriteItem(batch -> batch
                .requestItems(Map.of(table, List.of(putRequest(item("gsiPk", "g-batch", "proj", "p")),
                        putRequest(item("extra", "o")))))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();

        assertEquals(1, capacities.size());
        assertArms(capacities.get(0), 3, 2, 1.0, null);
    }

    @Test
    void queryOfAGlobalIndexReportsItsReadUnderTheIndex() {
        String partition = UUID.randomUUID().toString();
        put(item("gsiPk", partition, "proj", "p"));

        ConsumedCapacity capacity = dynamo.query(query -> query.tableName(table).indexName("gsi-inc")
                .keyConditionExpression("gsiPk = :g").expressionAttributeValues(Map.of(":g", s(partition)))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();

        // One small item read eventually consistently: half a unit, all of it the index's.
        assertEquals(0.5, capacity.capacityUnits());
        assertEquals(Map.of("gsi-inc", 0.5), units(capacity.globalSecondaryIndexes()));
    }

    @Test
    void putIntoATableWithALocalIndexReportsTheItemCollection() {
        Map<String, AttributeValue> item = item("lsiSk", "L1", "data", "hello");

        ItemCollectionMetrics metrics = dynamo.putItem(put -> put.tableName(table).item(item)
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)).itemCollectionMetrics();

        assertNotNull(metrics, "ItemCollectionMetrics");
        assertEquals(Map.of("pk", item.get("pk")), metrics.itemCollectionKey());
        // A range of whole gigabytes the collection falls in: a small collection is [0, 1].
        assertEquals(List.of(0.0, 1.0), metrics.sizeEstimateRangeGB());
    }

    @Test
    void updateAndDeleteReportTheItemCollectionToo() {
        Map<String, AttributeValue> item = seed();

        ItemCollectionMetrics updated = dynamo.updateItem(update -> update.tableName(table).key(keyOf(item))
                .updateExpression("SET extra = :v").expressionAttributeValues(Map.of(":v", s("o2")))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)).itemCollectionMetrics();
        ItemCollectionMetrics deleted = dynamo.deleteItem(delete -> delete.tableName(table).key(keyOf(item))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)).itemCollectionMetrics();

        assertNotNull(updated, "UpdateItem's ItemCollectionMetrics");
        assertNotNull(deleted, "DeleteItem's ItemCollectionMetrics");
        assertAll(
                () -> assertEquals(Map.of("pk", item.get("pk")), updated.itemCollectionKey()),
                () -> assertEquals(2, updated.sizeEstimateRangeGB().size()),
                () -> assertEquals(Map.of("pk", item.get("pk")), deleted.itemCollectionKey()),
                () -> assertEquals(2, deleted.sizeEstimateRangeGB().size()));
    }

    @Test
    void noItemCollectionMetricsWithoutSize() {
        assertNull(dynamo.putItem(put -> put.tableName(table).item(item("lsiSk", "L1"))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.NONE)).itemCollectionMetrics());
        assertNull(dynamo.putItem(put -> put.tableName(table).item(item("lsiSk", "L1"))).itemCollectionMetrics());
    }

    /**
     * Asserts the total, the table's share, and each index arm: a null index means the arm must be
     * absent (DynamoDB leaves out the indexes a write did not change rather than reporting zero).
     */
    private static void assertArms(ConsumedCapacity capacity, double total, double tableUnits, Double gsiUnits, Double lsiUnits) {
        assertAll(
                () -> assertEquals(total, capacity.capacityUnits(), "total"),
                () -> assertEquals(tableUnits, capacity.table() == null ? null : capacity.table().capacityUnits(), "table"),
                () -> assertEquals(gsiUnits == null ? Map.of() : Map.of("gsi-inc", gsiUnits), units(capacity.globalSecondaryIndexes()),
                        "global index arms"),
                () -> assertEquals(lsiUnits == null ? Map.of() : Map.of("lsi1", lsiUnits), units(capacity.localSecondaryIndexes()),
                        "local index arms"));
    }

    /** Capacity units per index name; empty when the response has no such arm. */
    private static Map<String, Double> units(Map<String, Capacity> arms) {
        Map<String, Double> units = new LinkedHashMap<>();
        arms.forEach((index, capacity) -> units.put(index, capacity.capacityUnits()));
        return units;
    }

    /** A new item in both indexes, with a projected (proj) and an unprojected (extra) attribute. */
    private static Map<String, AttributeValue> seed() {
        Map<String, AttributeValue> item = item("gsiPk", "g-seed", "lsiSk", "L1", "proj", "p", "extra", "o");
        put(item);
        return item;
    }

    /** An item with a fresh key and the given attribute names and string values. */
    private static Map<String, AttributeValue> item(String... namesAndValues) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s(UUID.randomUUID().toString()));
        item.put("sk", s("1"));
        for (int i = 0; i < namesAndValues.length; i += 2) item.put(namesAndValues[i], s(namesAndValues[i + 1]));
        return item;
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        return Map.of("pk", item.get("pk"), "sk", item.get("sk"));
    }

    private static ConsumedCapacity put(Map<String, AttributeValue> item) {
        return dynamo.putItem(put -> put.tableName(table).item(item)
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    }

    private static ConsumedCapacity update(Map<String, AttributeValue> item, String expression, Map<String, AttributeValue> values) {
        return dynamo.updateItem(update -> {
            update.tableName(table).key(keyOf(item)).updateExpression(expression)
                    .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES);
            if (!values.isEmpty()) update.expressionAttributeValues(values);
        }).consumedCapacity();
    }

    private static WriteRequest putRequest(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }
}
