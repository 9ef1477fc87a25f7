package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertDynamoError;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorAnyRegion;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorMatching;
import static io.modyn.itests.support.SecondaryIndexes.all;
import static io.modyn.itests.support.SecondaryIndexes.gsi;
import static io.modyn.itests.support.SecondaryIndexes.include;
import static io.modyn.itests.support.SecondaryIndexes.keysOnly;
import static io.modyn.itests.support.SecondaryIndexes.lsi;
import static io.modyn.itests.support.TestTables.definition;
import static io.modyn.itests.support.TestTables.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Query and Scan with IndexName: index order, sparse indexes, what each projection returns
 * (KEYS_ONLY: the table and index keys; INCLUDE: those and the listed attributes; ALL: the item),
 * Select=ALL_PROJECTED_ATTRIBUTES, the refusals DynamoDB documents (ConsistentRead on a global
 * index, ALL_ATTRIBUTES from a global index that does not project everything, an unknown index),
 * local indexes fetching unprojected attributes from the table, paging whose LastEvaluatedKey
 * carries the index key and the table key, and parallel scans of an index.
 *
 * <p>DynamoDB propagates writes to global indexes asynchronously; Modyn writes index rows in the
 * storage transaction of the item, so reads right after a write see them. Every test writes items
 * under a partition or index key of its own, so the tests share one table.
 */
@ExtendWith(SharedModynServer.class)
class IndexQueryTest {

    private static DynamoDbClient dynamo;
    /**
     * customer (S) and order (S) keys; GSIs on status (S) with created (N): by-status (ALL),
     * by-status-include (INCLUDE amount), by-status-keys (KEYS_ONLY, no sort key); LSI by-amount on
     * customer and amount (N), KEYS_ONLY.
     */
    private static String orders;

    @BeforeAll
    static void createTable(ModynServer server) {
        dynamo = DynamoDbClients.withoutRetries(server);
        orders = TestTables.uniqueName("index-query");
        dynamo.createTable(create -> create.tableName(orders)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition("customer", ScalarAttributeType.S), definition("order", ScalarAttributeType.S),
                        definition("status", ScalarAttributeType.S), definition("created", ScalarAttributeType.N),
                        definition("amount", ScalarAttributeType.N))
                .keySchema(key("customer", KeyType.HASH), key("order", KeyType.RANGE))
                .globalSecondaryIndexes(
                        gsi("by-status", all(), key("status", KeyType.HASH), key("created", KeyType.RANGE)),
                        gsi("by-status-include", include("amount"), key("status", KeyType.HASH), key("created", KeyType.RANGE)),
                        gsi("by-status-keys", keysOnly(), key("status", KeyType.HASH)))
                .localSecondaryIndexes(lsi("by-amount", keysOnly(), key("customer", KeyType.HASH), key("amount", KeyType.RANGE))));
        TestTables.awaitActive(dynamo, orders);
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @Test
    void queryOnAGlobalIndexReturnsItsItemsInIndexSortOrder() {
        String status = unique();
        put(order(unique(), "o1", status, 30, 5));
        put(order(unique(), "o2", status, 10, 6));
        put(order(unique(), "o3", status, 20, 7));

        assertEquals(List.of("o2", "o3", "o1"), orderIds(queryStatus("by-status", status).build()));
        assertEquals(List.of("o1", "o3", "o2"), orderIds(queryStatus("by-status", status).scanIndexForward(false).build()));
    }

    @Test
    void sortKeyConditionsApplyToTheIndexSortKey() {
        String status = unique();
        IntStream.rangeClosed(1, 5).forEach(i -> put(order(unique(), "o" + i, status, i * 10, i)));

        QueryRequest between = QueryRequest.builder().tableName(orders).indexName("by-status")
                .keyConditionExpression("#s = :s AND created BETWEEN :low AND :high")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s(status), ":low", n(20), ":high", n(40)))
                .build();

        assertEquals(List.of("o2", "o3", "o4"), orderIds(between));
    }

    @Test
    void itemsWithoutTheIndexKeyAreNotInTheIndex() {
        String customer = unique();
        String status = unique();
        put(order(customer, "indexed", status, 1, 1));
        Map<String, AttributeValue> noStatus = new LinkedHashMap<>(order(customer, "no-status", status, 2, 2));
        noStatus.remove("status");
        put(noStatus);
        Map<String, AttributeValue> noCreated = new LinkedHashMap<>(order(customer, "no-created", status, 3, 3));
        noCreated.remove("created");
        put(noCreated);

        assertEquals(List.of("indexed"), orderIds(queryStatus("by-status", status).build()));
        // by-status-keys has no sort key, so the item missing only created is in it.
        assertEquals(Set.of("indexed", "no-created"), Set.copyOf(orderIds(queryStatus("by-status-keys", status).build())));
        assertEquals(Set.of("indexed"), Set.copyOf(scanIndexForCustomer("by-status", customer)));
    }

    @Test
    void anUpdatedIndexKeyMovesTheItemAndADeleteRemovesIt() {
        String before = unique();
        String after = unique();
        Map<String, AttributeValue> item = order(unique(), "moving", before, 1, 1);
        put(item);

        dynamo.updateItem(update -> update.tableName(orders).key(keyOf(item))
                .updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s(after))));
        assertEquals(List.of(), orderIds(queryStatus("by-status", before).build()));
        assertEquals(List.of("moving"), orderIds(queryStatus("by-status", after).build()));

        dynamo.deleteItem(delete -> delete.tableName(orders).key(keyOf(item)));
        assertEquals(List.of(), orderIds(queryStatus("by-status", after).build()));
    }

    @Test
    void keysOnlyIndexReturnsTheTableAndIndexKeys() {
        String status = unique();
        Map<String, AttributeValue> item = order(unique(), "o1", status, 1, 9);
        put(item);

        List<Map<String, AttributeValue>> items = dynamo.query(queryStatus("by-status-keys", status).build()).items();

        assertEquals(List.of(Map.of("customer", item.get("customer"), "order", s("o1"), "status", s(status))), items);
    }

    @Test
    void includeIndexReturnsTheKeysAndTheListedAttributes() {
        String status = unique();
        Map<String, AttributeValue> item = order(unique(), "o1", status, 4, 12);
        put(item);

        List<Map<String, AttributeValue>> items = dynamo.query(queryStatus("by-status-include", status).build()).items();

        assertEquals(List.of(Map.of("customer", item.get("customer"), "order", s("o1"), "status", s(status),
                "created", n(4), "amount", n(12))), items);
    }

    @Test
    void allProjectedAttributesReturnsWhatTheIndexProjects() {
        String status = unique();
        Map<String, AttributeValue> item = order(unique(), "o1", status, 4, 12);
        put(item);

        QueryResponse include = dynamo.query(queryStatus("by-status-include", status)
                .select(Select.ALL_PROJECTED_ATTRIBUTES).build());
        QueryResponse everything = dynamo.query(queryStatus("by-status", status)
                .select(Select.ALL_PROJECTED_ATTRIBUTES).build());

        assertEquals(Set.of("customer", "order", "status", "created", "amount"), include.items().get(0).keySet());
        assertEquals(item, everything.items().get(0));
    }

    @Test
    void allAttributesFromAnIndexProjectingEverythingReturnsWholeItems() {
        String status = unique();
        Map<String, AttributeValue> item = order(unique(), "o1", status, 1, 2);
        put(item);

        assertEquals(List.of(item), dynamo.query(queryStatus("by-status", status).select(Select.ALL_ATTRIBUTES).build()).items());
    }

    @Test
    void allAttributesFromAGlobalIndexNotProjectingEverythingIsRefused() {
        String message = "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for "
                + "global secondary index by-status-include because its projection type is not ALL";

        assertValidationError(message,
                () -> dynamo.query(queryStatus("by-status-include", unique()).select(Select.ALL_ATTRIBUTES).build()));
        assertValidationError(message,
                () -> dynamo.scan(scan -> scan.tableName(orders).indexName("by-status-include").select(Select.ALL_ATTRIBUTES)));
    }

    @Test
    void projectingAnAttributeAGlobalIndexDoesNotProjectIsRefused() {
        // A global index cannot fetch from the table. The wording captured against DynamoDB is that of
        // PartiQL ("... Global secondary index <name> does not project [<attributes>]"); Query's is
        // not captured, so only its naming of the index and the attribute is pinned.
        assertValidationErrorMatching("One or more parameter values were invalid: .*by-status-keys.*\\bnote\\b.*",
                () -> dynamo.query(queryStatus("by-status-keys", unique()).projectionExpression("note").build()));
    }

    @Test
    void filteringOnAnAttributeAnIndexDoesNotProjectIsRefused() {
        // Even a local index, which can fetch unprojected attributes for the answer, does not fetch
        // them to filter (PartiQL capture: "Secondary index <name> does not project one or more filter
        // attributes: [<attributes>]"; Query words it its own way, so only the names are pinned).
        assertValidationErrorMatching("One or more parameter values were invalid: .*by-status-keys.*\\bnote\\b.*",
                () -> dynamo.query(queryStatus("by-status-keys", unique()).filterExpression("attribute_exists(note)").build()));
        assertValidationErrorMatching("One or more parameter values were invalid: .*by-amount.*\\bnote\\b.*",
                () -> dynamo.query(queryCustomer("by-amount", unique()).filterExpression("attribute_exists(note)").build()));
    }

    @Test
    void allProjectedAttributesWithoutAnIndexIsRefused() {
        // Query words it with the "1 validation error detected: " envelope, Scan without it.
        String message = "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName";

        assertValidationErrorAnyRegion(message, () -> dynamo.query(query -> query.tableName(orders)
                .keyConditionExpression("customer = :c").expressionAttributeValues(Map.of(":c", s("any")))
                .select(Select.ALL_PROJECTED_ATTRIBUTES)));
        assertValidationErrorAnyRegion(message,
                () -> dynamo.scan(scan -> scan.tableName(orders).select(Select.ALL_PROJECTED_ATTRIBUTES)));
    }

    @Test
    void consistentReadOnAGlobalIndexIsRefused() {
        String message = "Consistent reads are not supported on global secondary indexes";

        assertValidationError(message, () -> dynamo.query(queryStatus("by-status", unique()).consistentRead(true).build()));
        assertValidationError(message,
                () -> dynamo.scan(scan -> scan.tableName(orders).indexName("by-status").consistentRead(true)));
    }

    @Test
    void consistentReadOnALocalIndexIsAllowed() {
        String customer = unique();
        put(order(customer, "o1", unique(), 1, 5));

        QueryResponse response = dynamo.query(queryCustomer("by-amount", customer).consistentRead(true).build());

        assertEquals(1, response.count());
    }

    @Test
    void anUnknownIndexOfAnExistingTableIsAValidationError() {
        String message = "The table does not have the specified index: no-such-index";

        assertValidationError(message, () -> dynamo.query(queryStatus("no-such-index", unique()).build()));
        assertValidationError(message, () -> dynamo.scan(scan -> scan.tableName(orders).indexName("no-such-index")));
    }

    @Test
    void anIndexOfAnUnknownTableIsResourceNotFound() {
        String table = TestTables.uniqueName("missing");
        assertDynamoError(ResourceNotFoundException.class, "ResourceNotFoundException", "Requested resource not found",
                () -> dynamo.scan(scan -> scan.tableName(table).indexName("by-status")));
    }

    @Test
    void keyConditionMustNameTheIndexPartitionKey() {
        assertValidationError("Query condition missed key schema element: status",
                () -> dynamo.query(query -> query.tableName(orders).indexName("by-status")
                        .keyConditionExpression("customer = :c").expressionAttributeValues(Map.of(":c", s("any")))));
    }

    @Test
    void localIndexReturnsItsProjectionByDefaultAndFetchesOtherAttributesFromTheTable() {
        String customer = unique();
        Map<String, AttributeValue> item = order(customer, "o1", unique(), 1, 5);
        put(item);

        Map<String, AttributeValue> projected = dynamo.query(queryCustomer("by-amount", customer).build()).items().get(0);
        Map<String, AttributeValue> withNote = dynamo.query(queryCustomer("by-amount", customer)
                .projectionExpression("note, amount").build()).items().get(0);
        Map<String, AttributeValue> whole = dynamo.query(queryCustomer("by-amount", customer)
                .select(Select.ALL_ATTRIBUTES).build()).items().get(0);

        assertEquals(Map.of("customer", s(customer), "order", s("o1"), "amount", n(5)), projected);
        assertEquals(Map.of("note", item.get("note"), "amount", n(5)), withNote);
        assertEquals(item, whole);
    }

    @Test
    void localIndexOrdersAPartitionByTheIndexSortKey() {
        String customer = unique();
        put(order(customer, "a", unique(), 1, 30));
        put(order(customer, "b", unique(), 1, 10));
        put(order(customer, "c", unique(), 1, 20));

        assertEquals(List.of("b", "c", "a"), orderIds(queryCustomer("by-amount", customer).build()));
    }

    @Test
    void globalIndexPagesCarryTheIndexKeyAndTheTableKeyAndVisitEveryItemOnce() {
        // Five items tie on the whole index key: only the table key tells them apart.
        String status = unique();
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            String order = "o" + i;
            put(order(unique(), order, status, 7, i));
            expected.add(order);
        }

        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            QueryRequest.Builder page = queryStatus("by-status", status).limit(2);
            if (start != null) page.exclusiveStartKey(start);
            QueryResponse response = dynamo.query(page.build());
            response.items().forEach(item -> seen.add(item.get("order").s()));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
            if (start != null) assertEquals(Set.of("customer", "order", "status", "created"), start.keySet());
            assertTrue(++pages <= expected.size() + 1, "paging does not end: " + seen);
        } while (start != null);

        assertEquals(expected.size(), seen.size(), "each item once: " + seen);
        assertEquals(expected, Set.copyOf(seen));
    }

    @Test
    void localIndexPagesCarryTheIndexSortKeyAndTheTableKey() {
        String customer = unique();
        for (int i = 0; i < 3; i++) put(order(customer, "o" + i, unique(), 1, 1));

        QueryResponse first = dynamo.query(queryCustomer("by-amount", customer).limit(1).build());

        assertEquals(Set.of("customer", "order", "amount"), first.lastEvaluatedKey().keySet());
    }

    @Test
    void parallelScanOfAnIndexSplitsItsItemsIntoDisjointSegments() {
        String customerPrefix = unique();
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            String order = "o" + i;
            put(order(customerPrefix + "-" + i, order, unique(), i, i));
            expected.add(order);
        }

        List<String> seen = new ArrayList<>();
        for (int segment = 0; segment < 3; segment++) {
            ScanRequest request = ScanRequest.builder().tableName(orders).indexName("by-status")
                    .segment(segment).totalSegments(3)
                    .filterExpression("begins_with(customer, :prefix)")
                    .expressionAttributeValues(Map.of(":prefix", s(customerPrefix + "-")))
                    .build();
            dynamo.scanPaginator(request).items().forEach(item -> seen.add(item.get("order").s()));
        }

        assertEquals(expected.size(), seen.size(), "segments overlap or miss items: " + seen);
        assertEquals(expected, Set.copyOf(seen));
    }

    @Test
    void scanOfAnIndexReturnsItsProjection() {
        String customer = unique();
        put(order(customer, "o1", unique(), 1, 2));

        ScanResponse response = dynamo.scan(scan -> scan.tableName(orders).indexName("by-status-keys")
                .filterExpression("customer = :c").expressionAttributeValues(Map.of(":c", s(customer))));

        assertEquals(Set.of("customer", "order", "status"), response.items().get(0).keySet());
    }

    @Test
    void countOnAnIndexCountsItsItems() {
        String status = unique();
        for (int i = 0; i < 4; i++) put(order(unique(), "o" + i, status, i, i));

        QueryResponse response = dynamo.query(queryStatus("by-status-keys", status).select(Select.COUNT).build());

        assertEquals(4, response.count());
        assertFalse(response.hasItems() && !response.items().isEmpty(), "COUNT answers no items");
    }

    private static Map<String, AttributeValue> order(String customer, String order, String status, int created, int amount) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("customer", s(customer));
        item.put("order", s(order));
        item.put("status", s(status));
        item.put("created", n(created));
        item.put("amount", n(amount));
        item.put("note", s("note of " + order));
        return item;
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        return Map.of("customer", item.get("customer"), "order", item.get("order"));
    }

    private static void put(Map<String, AttributeValue> item) {
        dynamo.putItem(put -> put.tableName(orders).item(item));
    }

    private static QueryRequest.Builder queryStatus(String index, String status) {
        return QueryRequest.builder().tableName(orders).indexName(index)
                .keyConditionExpression("#s = :s")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s(status)));
    }

    private static QueryRequest.Builder queryCustomer(String index, String customer) {
        return QueryRequest.builder().tableName(orders).indexName(index)
                .keyConditionExpression("customer = :c")
                .expressionAttributeValues(Map.of(":c", s(customer)));
    }

    /** The order ids of every item the query returns, over all its pages, in the order returned. */
    private static List<String> orderIds(QueryRequest request) {
        List<String> ids = new ArrayList<>();
        dynamo.queryPaginator(request).items().forEach(item -> ids.add(item.get("order").s()));
        return ids;
    }

    private static List<String> scanIndexForCustomer(String index, String customer) {
        ScanRequest request = ScanRequest.builder().tableName(orders).indexName(index)
                .filterExpression("customer = :c").expressionAttributeValues(Map.of(":c", s(customer))).build();
        return dynamo.scanPaginator(request).items().stream().map(item -> item.get("order").s()).collect(Collectors.toList());
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }
}
