package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.b;
import static io.modyn.itests.support.AttributeValues.bs;
import static io.modyn.itests.support.AttributeValues.l;
import static io.modyn.itests.support.AttributeValues.m;
import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorAnyRegion;
import static io.modyn.itests.support.Items.merged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * ReturnConsumedCapacity with DynamoDB's arithmetic (developer guide, "DynamoDB read and write
 * operations"): a write costs one unit per started 1 KB of the larger of the item before and after
 * (at least one), a read one unit per started 4 KB, half for an eventually consistent read; GetItem
 * and BatchGetItem round each item, Query and Scan round the sum of the items they read. Item sizes
 * follow "Item sizes and formats": attribute names count, strings their UTF-8 bytes, binaries their
 * raw bytes, numbers one byte per two significant digits plus one, lists and maps three bytes plus
 * one per element. Sizes below are exact to the byte where a test sits on a boundary.
 */
@ExtendWith(SharedModynServer.class)
class ConsumedCapacityTest {

    private static final int KB = 1024;
    /** {@code pk} plus a 36-character key. */
    private static final int KEY_BYTES = 2 + 36;

    private static DynamoDbClient dynamo;
    private static String table;
    private static String rangeTable;

    @BeforeAll
    static void createTables(ModynServer server) {
        dynamo = DynamoDbClients.withoutRetries(server);
        table = TestTables.createHashTable(dynamo, "capacity", ScalarAttributeType.S);
        rangeTable = TestTables.createHashRangeTable(dynamo, "capacity-range", ScalarAttributeType.S, ScalarAttributeType.N);
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @ParameterizedTest(name = "{0} bytes cost {1} write units")
    @CsvSource({"100, 1", "1024, 1", "1025, 2", "2048, 2", "2049, 3", "10240, 10"})
    void putCostsOneWriteUnitPerStartedKilobyte(int bytes, double units) {
        PutItemResponse response = dynamo.putItem(put -> put.tableName(table).item(itemOfSize(bytes))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

        assertEquals(table, response.consumedCapacity().tableName());
        assertEquals(units, response.consumedCapacity().capacityUnits());
    }

    @Test
    void indexesAddsTheTableShareAndNoIndexes() {
        ConsumedCapacity capacity = dynamo.putItem(put -> put.tableName(table).item(itemOfSize(1025))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();

        assertEquals(2.0, capacity.capacityUnits());
        assertEquals(2.0, capacity.table().capacityUnits());
        assertFalse(capacity.hasGlobalSecondaryIndexes() && !capacity.globalSecondaryIndexes().isEmpty());
        assertFalse(capacity.hasLocalSecondaryIndexes() && !capacity.localSecondaryIndexes().isEmpty());
    }

    @Test
    void noneOrNoParameterAnswersNoCapacity() {
        assertNull(dynamo.putItem(put -> put.tableName(table).item(itemOfSize(100))).consumedCapacity());
        assertNull(dynamo.putItem(put -> put.tableName(table).item(itemOfSize(100))
                .returnConsumedCapacity(ReturnConsumedCapacity.NONE)).consumedCapacity());
    }

    @Test
    void putOverALargerItemCostsTheLargerItem() {
        Map<String, AttributeValue> large = itemOfSize(2500);
        dynamo.putItem(put -> put.tableName(table).item(large));

        double units = dynamo.putItem(put -> put.tableName(table).item(Map.of("pk", large.get("pk")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();

        assertEquals(3.0, units);
    }

    @Test
    void updateCostsTheLargerOfTheItemBeforeAndAfter() {
        Map<String, AttributeValue> large = itemOfSize(2049);
        dynamo.putItem(put -> put.tableName(table).item(large));

        double shrinking = dynamo.updateItem(update -> update.tableName(table).key(Map.of("pk", large.get("pk")))
                .updateExpression("SET d = :small").expressionAttributeValues(Map.of(":small", s("x")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();
        double creating = dynamo.updateItem(update -> update.tableName(table).key(Map.of("pk", s(newKey())))
                .updateExpression("SET d = :small").expressionAttributeValues(Map.of(":small", s("x")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();

        assertEquals(3.0, shrinking);
        assertEquals(1.0, creating);
    }

    @Test
    void deleteCostsTheDeletedItemAndAtLeastOneUnit() {
        Map<String, AttributeValue> large = itemOfSize(2049);
        dynamo.putItem(put -> put.tableName(table).item(large));

        double deleted = dynamo.deleteItem(delete -> delete.tableName(table).key(Map.of("pk", large.get("pk")))
                .returnValues(ReturnValue.ALL_OLD).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
                .consumedCapacity().capacityUnits();
        double missing = dynamo.deleteItem(delete -> delete.tableName(table).key(Map.of("pk", s(newKey())))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();

        assertEquals(3.0, deleted);
        assertEquals(1.0, missing);
    }

    @ParameterizedTest(name = "{0} bytes: {1} units strongly, {2} eventually consistent")
    @CsvSource({"100, 1, 0.5", "4096, 1, 0.5", "4097, 2, 1", "12288, 3, 1.5", "12289, 4, 2"})
    void getItemCostsOneReadUnitPerStartedFourKilobytesHalvedWhenEventuallyConsistent(int bytes, double strong,
                                                                                     double eventual) {
        Map<String, AttributeValue> item = itemOfSize(bytes);
        dynamo.putItem(put -> put.tableName(table).item(item));

        assertEquals(strong, getCost(item.get("pk"), true, null));
        assertEquals(eventual, getCost(item.get("pk"), false, null));
        // Projecting fewer attributes reads the whole item all the same.
        assertEquals(strong, getCost(item.get("pk"), true, "pk"));
    }

    @Test
    void getOfAMissingItemCostsOneReadUnitOrHalf() {
        assertEquals(1.0, getCost(s(newKey()), true, null));
        assertEquals(0.5, getCost(s(newKey()), false, null));
    }

    /** Three items of about 1 KB: Query rounds their sum (one unit), BatchGetItem each item (three). */
    @Test
    void queryRoundsTheSumOfTheItemsReadAndBatchGetRoundsEachItem() {
        String partition = newKey();
        for (int i = 0; i < 3; i++) {
            int sk = i;
            dynamo.putItem(put -> put.tableName(rangeTable).item(Map.of("pk", s(partition), "sk", n(sk),
                    "d", s("x".repeat(1000)))));
        }
        List<Map<String, AttributeValue>> keys = List.of(Map.of("pk", s(partition), "sk", n(0)),
                Map.of("pk", s(partition), "sk", n(1)), Map.of("pk", s(partition), "sk", n(2)));

        assertEquals(1.0, queryCost(partition, true, null));
        assertEquals(0.5, queryCost(partition, false, null));
        // A filter that keeps nothing still reads, and costs, every item.
        assertEquals(1.0, queryCost(partition, true, "attribute_not_exists(d)"));
        assertEquals(3.0, batchGetCost(keys, true));
        assertEquals(1.5, batchGetCost(keys, false));
    }

    @Test
    void batchGetCountsAMissingKeyAsAnEmptyItem() {
        String partition = newKey();
        dynamo.putItem(put -> put.tableName(rangeTable).item(Map.of("pk", s(partition), "sk", n(1))));

        assertEquals(2.0, batchGetCost(List.of(Map.of("pk", s(partition), "sk", n(1)),
                Map.of("pk", s(partition), "sk", n(2))), true));
    }

    @Test
    void scanRoundsTheSumOfTheItemsItReads() {
        String scanTable = TestTables.createHashTable(dynamo, "capacity-scan", ScalarAttributeType.S);
        for (int i = 0; i < 3; i++) {
            dynamo.putItem(put -> put.tableName(scanTable).item(Map.of("pk", s(newKey()), "d", s("x".repeat(2000)))));
        }

        double strong = dynamo.scan(scan -> scan.tableName(scanTable).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();
        double eventual = dynamo.scan(scan -> scan.tableName(scanTable).filterExpression("attribute_not_exists(d)")
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();

        assertEquals(2.0, strong);
        assertEquals(1.0, eventual);
    }

    @Test
    void batchWriteAddsUpEachItemPerTable() {
        String partition = newKey();
        List<WriteRequest> hashWrites = List.of(
                WriteRequest.builder().putRequest(put -> put.item(itemOfSize(1025))).build(),
                WriteRequest.builder().putRequest(put -> put.item(itemOfSize(100))).build());
        List<WriteRequest> rangeWrites = List.of(
                WriteRequest.builder().putRequest(put -> put.item(Map.of("pk", s(partition), "sk", n(1)))).build());

        List<ConsumedCapacity> capacities = dynamo.batchWriteItem(batch -> batch
                .requestItems(Map.of(table, hashWrites, rangeTable, rangeWrites))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

        assertEquals(3.0, unitsOf(capacities, table));
        assertEquals(1.0, unitsOf(capacities, rangeTable));
    }

    /** A map costs 3 bytes plus its members, each member its name, its value and 1 byte. */
    @Test
    void mapOverheadCountsTowardsTheWriteUnit() {
        int fixed = KEY_BYTES + "m".length() + 3 + "k".length() + 1;

        assertEquals(1.0, putCost(Map.of("m", m(Map.of("k", s("x".repeat(KB - fixed)))))));
        assertEquals(2.0, putCost(Map.of("m", m(Map.of("k", s("x".repeat(KB - fixed + 1)))))));
    }

    /** A list costs 3 bytes plus its elements, each element its value and 1 byte. */
    @Test
    void listOverheadCountsTowardsTheWriteUnit() {
        int fixed = KEY_BYTES + "l".length() + 3 + 1;

        assertEquals(1.0, putCost(Map.of("l", l(s("x".repeat(KB - fixed))))));
        assertEquals(2.0, putCost(Map.of("l", l(s("x".repeat(KB - fixed + 1))))));
    }

    /**
     * Binary values and binary sets count their raw bytes, not their base64 text; 12.3456 has six
     * significant digits, so 6 / 2 + 1 = 4 bytes.
     */
    @Test
    void numbersAndBinariesCountAsTheDeveloperGuideSays() {
        int fixed = KEY_BYTES + "c".length() + 4 + "d".length() + 2 + "e".length() + 4 + "f".length();
        Map<String, AttributeValue> others = Map.of("c", n("12.3456"), "d", b((byte) 1, (byte) 2),
                "e", bs(new byte[] {1, 2}, new byte[] {2}, new byte[] {1}));

        assertEquals(1.0, putCost(merged(others, Map.of("f", s("x".repeat(KB - fixed))))));
        assertEquals(2.0, putCost(merged(others, Map.of("f", s("x".repeat(KB - fixed + 1))))));
    }

    @Test
    void returnItemCollectionMetricsOfATableWithoutLocalIndexesAnswersNoMetrics() {
        assertNull(dynamo.putItem(put -> put.tableName(table).item(itemOfSize(100))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)).itemCollectionMetrics());
    }

    @Test
    void unknownEnumValuesAreConstraintViolations() {
        assertValidationErrorAnyRegion("1 validation error detected: Value 'ALL' at 'returnConsumedCapacity' failed to satisfy "
                        + "constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]",
                () -> dynamo.putItem(put -> put.tableName(table).item(itemOfSize(100)).returnConsumedCapacity("ALL")));
        assertValidationErrorAnyRegion("1 validation error detected: Value 'COUNT' at 'returnItemCollectionMetrics' failed to "
                        + "satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]",
                () -> dynamo.putItem(put -> put.tableName(table).item(itemOfSize(100)).returnItemCollectionMetrics("COUNT")));
    }

    private static double putCost(Map<String, AttributeValue> attributes) {
        return dynamo.putItem(put -> put.tableName(table).item(merged(attributes, Map.of("pk", s(newKey()))))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();
    }

    private static double getCost(AttributeValue pk, boolean consistent, String projection) {
        return dynamo.getItem(get -> get.tableName(table).key(Map.of("pk", pk)).consistentRead(consistent)
                .projectionExpression(projection).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
                .consumedCapacity().capacityUnits();
    }

    private static double queryCost(String partition, boolean consistent, String filter) {
        return dynamo.query(query -> query.tableName(rangeTable).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(partition))).filterExpression(filter)
                .consistentRead(consistent).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
                .consumedCapacity().capacityUnits();
    }

    private static double batchGetCost(List<Map<String, AttributeValue>> keys, boolean consistent) {
        return unitsOf(dynamo.batchGetItem(batch -> batch.requestItems(Map.of(rangeTable,
                        KeysAndAttributes.builder().keys(keys).consistentRead(consistent).build()))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity(), rangeTable);
    }

    private static double unitsOf(List<ConsumedCapacity> capacities, String tableName) {
        return capacities.stream().filter(capacity -> capacity.tableName().equals(tableName)).findFirst()
                .orElseThrow(() -> new AssertionError("no ConsumedCapacity for " + tableName + " in " + capacities))
                .capacityUnits();
    }

    /** An item {"pk": 36-character key, "d": string} of exactly {@code bytes} by DynamoDB's size rules. */
    private static Map<String, AttributeValue> itemOfSize(int bytes) {
        return Map.of("pk", s(newKey()), "d", s("x".repeat(bytes - KEY_BYTES - "d".length())));
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }
}
