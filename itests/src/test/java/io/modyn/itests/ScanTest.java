package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertDynamoError;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Scan reads a whole table: in pages of at most 1 MB read and Limit items, filtered after reading,
 * and split into parallel segments that together cover it exactly once.
 */
@ExtendWith(SharedModynServer.class)
class ScanTest {

    private static final int PARTITIONS = 40;
    private static final int ITEMS_PER_PARTITION = 2;
    /** 15 items of 100 KB: 1.5 MB, more than one page. */
    private static final int LARGE_ITEMS = 15;

    private static DynamoDbClient dynamo;
    private static String table;
    private static String largeTable;
    private static Set<String> allKeys;

    @BeforeAll
    static void createTableWithItems(ModynServer server) {
        dynamo = DynamoDbClients.withoutRetries(server);
        table = TestTables.createHashRangeTable(dynamo, "scan", ScalarAttributeType.S, ScalarAttributeType.N);
        allKeys = new HashSet<>();
        for (int p = 0; p < PARTITIONS; p++) {
            for (int i = 0; i < ITEMS_PER_PARTITION; i++) {
                Map<String, AttributeValue> item = Map.of("pk", s("partition-" + p), "sk", n(i));
                dynamo.putItem(put -> put.tableName(table).item(item));
                allKeys.add(key(item));
            }
        }
        largeTable = TestTables.createHashTable(dynamo, "scan-large", ScalarAttributeType.S);
        String payload = "x".repeat(100 * 1024);
        for (int i = 0; i < LARGE_ITEMS; i++) {
            int id = i;
            dynamo.putItem(put -> put.tableName(largeTable).item(Map.of("pk", s("large-" + id), "payload", s(payload))));
        }
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @Test
    void scanWithoutLimitReadsEveryItem() {
        ScanResponse response = dynamo.scan(scan -> scan.tableName(table));

        assertEquals(allKeys, keys(response.items()));
        assertEquals(allKeys.size(), response.count());
        assertEquals(allKeys.size(), response.scannedCount());
        assertFalse(response.hasLastEvaluatedKey());
    }

    @Test
    void itemsOfOnePartitionComeTogetherInSortKeyOrder() {
        List<String> order = dynamo.scan(scan -> scan.tableName(table)).items().stream().map(ScanTest::key).toList();

        for (int p = 0; p < PARTITIONS; p++) {
            int first = order.indexOf("partition-" + p + "/0");
            assertEquals("partition-" + p + "/1", order.get(first + 1));
        }
    }

    @Test
    void limitPagesThroughEveryItemExactlyOnce() {
        List<ScanResponse> pages = allPages(ScanRequest.builder().tableName(table).limit(7).build());

        assertTrue(pages.stream().allMatch(page -> page.count() <= 7));
        assertEquals(7, pages.get(0).count());
        assertExactlyOnce(pages.stream().flatMap(page -> page.items().stream()).toList());
    }

    @ParameterizedTest(name = "{0} segments")
    @ValueSource(ints = {1, 2, 3, 4, 16})
    void segmentsTogetherCoverEveryItemExactlyOnce(int totalSegments) {
        List<Map<String, AttributeValue>> union = new ArrayList<>();
        for (int segment = 0; segment < totalSegments; segment++) {
            int current = segment;
            allPages(ScanRequest.builder().tableName(table).segment(current).totalSegments(totalSegments).limit(5).build())
                    .forEach(page -> union.addAll(page.items()));
        }
        assertExactlyOnce(union);
    }

    @Test
    void sdkPaginatorReadsEveryItem() {
        List<Map<String, AttributeValue>> items =
                dynamo.scanPaginator(scan -> scan.tableName(table).limit(9)).items().stream().toList();

        assertExactlyOnce(items);
    }

    @Test
    void selectCountAnswersTheCountsWithoutItems() {
        ScanResponse response = dynamo.scan(scan -> scan.tableName(table).select(Select.COUNT));

        assertEquals(allKeys.size(), response.count());
        assertEquals(allKeys.size(), response.scannedCount());
        assertTrue(!response.hasItems() || response.items().isEmpty(), "no items for Select COUNT");
    }

    @Test
    void limitCapsTheItemsReadBeforeTheFilter() {
        ScanResponse response = dynamo.scan(scan -> scan.tableName(table).limit(10)
                .filterExpression("sk = :zero").expressionAttributeValues(Map.of(":zero", n(0))));

        assertEquals(10, response.scannedCount());
        assertTrue(response.count() <= 10 && response.count() == response.items().size());
        assertTrue(response.items().stream().allMatch(item -> item.get("sk").equals(n(0))));
        assertTrue(response.hasLastEvaluatedKey());
    }

    /**
     * The 1 MB page counts the items read, before the filter and the projection (API reference,
     * Scan): a filter matching nothing still ends the page after about 1 MB of items.
     */
    @Test
    void pageEndsAfterAMegabyteReadEvenWhenTheFilterKeepsNothing() {
        ScanResponse filtered = dynamo.scan(scan -> scan.tableName(largeTable)
                .filterExpression("attribute_not_exists(payload)"));
        ScanResponse projected = dynamo.scan(scan -> scan.tableName(largeTable).projectionExpression("pk"));

        assertEquals(0, filtered.count());
        assertTrue(filtered.scannedCount() > 0 && filtered.scannedCount() < LARGE_ITEMS,
                () -> "scanned " + filtered.scannedCount());
        assertTrue(filtered.hasLastEvaluatedKey(), "1.5 MB cannot be read in one page");
        assertTrue(projected.count() < LARGE_ITEMS, () -> "a projection does not shrink the page: " + projected.count());
        // At most 10 whole items of 100 KB fit 1 MB, plus the one crossing the line.
        assertTrue(projected.count() <= 11, () -> "first page holds " + projected.count() + " items");

        List<ScanResponse> pages = allPages(ScanRequest.builder().tableName(largeTable).projectionExpression("pk").build());
        assertEquals(LARGE_ITEMS, pages.stream().mapToInt(ScanResponse::count).sum());
    }

    @Test
    void selectCountWithAProjectionIsRefused() {
        assertValidationError("Cannot specify the ProjectionExpression when choosing to get only the Count",
                () -> dynamo.scan(scan -> scan.tableName(table).select(Select.COUNT).projectionExpression("pk")));
    }

    @Test
    void limitBelowOneIsAConstraintViolation() {
        assertValidationError("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
                + "Member must have value greater than or equal to 1", () -> dynamo.scan(scan -> scan.tableName(table).limit(0)));
    }

    @Test
    void segmentNotBelowTotalSegmentsIsRejected() {
        assertValidationError("The Segment parameter is zero-based and must be less than parameter TotalSegments: "
                        + "Segment: 4 is not less than TotalSegments: 4",
                () -> dynamo.scan(scan -> scan.tableName(table).segment(4).totalSegments(4)));
    }

    @Test
    void segmentWithoutTotalSegmentsIsRejected() {
        assertValidationError("The TotalSegments parameter is required but was not present in the request when "
                        + "Segment parameter is present",
                () -> dynamo.scan(scan -> scan.tableName(table).segment(0)));
    }

    @Test
    void scanOfAnUnknownTableIsResourceNotFound() {
        assertDynamoError(ResourceNotFoundException.class, "ResourceNotFoundException", "Requested resource not found",
                () -> dynamo.scan(scan -> scan.tableName(TestTables.uniqueName("missing"))));
    }

    private static void assertExactlyOnce(List<Map<String, AttributeValue>> items) {
        List<String> keys = items.stream().map(ScanTest::key).toList();
        Set<String> duplicates = keys.stream()
                .filter(key -> keys.indexOf(key) != keys.lastIndexOf(key))
                .collect(Collectors.toSet());
        assertEquals(Set.of(), duplicates, "items read more than once");
        assertEquals(allKeys, Set.copyOf(keys));
    }

    private static List<ScanResponse> allPages(ScanRequest first) {
        List<ScanResponse> pages = new ArrayList<>();
        ScanRequest request = first;
        while (true) {
            ScanResponse page = dynamo.scan(request);
            pages.add(page);
            if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) return pages;
            if (pages.size() > 1000) throw new AssertionError("Paging does not end: " + pages.size() + " pages");
            request = request.toBuilder().exclusiveStartKey(page.lastEvaluatedKey()).build();
        }
    }

    private static Set<String> keys(List<Map<String, AttributeValue>> items) {
        return items.stream().map(ScanTest::key).collect(Collectors.toSet());
    }

    private static String key(Map<String, AttributeValue> item) {
        return item.get("pk").s() + "/" + item.get("sk").n();
    }
}
