package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertDynamoError;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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

/** Scan reads a whole table: in pages, and split into parallel segments that together cover it exactly once. */
@ExtendWith(SharedModynServer.class)
class ScanTest {

    private static final int PARTITIONS = 40;
    private static final int ITEMS_PER_PARTITION = 2;

    private static DynamoDbClient dynamo;
    private static String table;
    private static Set<String> allKeys;

    @BeforeAll
    static void createTableWithItems(DynamoDbClient client) {
        dynamo = client;
        table = TestTables.createHashRangeTable(dynamo, "scan", ScalarAttributeType.S, ScalarAttributeType.N);
        allKeys = new HashSet<>();
        for (int p = 0; p < PARTITIONS; p++) {
            for (int i = 0; i < ITEMS_PER_PARTITION; i++) {
                Map<String, AttributeValue> item = Map.of("pk", s("partition-" + p), "sk", n(i));
                dynamo.putItem(put -> put.tableName(table).item(item));
                allKeys.add(key(item));
            }
        }
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
