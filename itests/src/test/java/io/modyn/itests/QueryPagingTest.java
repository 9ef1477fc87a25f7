package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Query pages: by Limit, by DynamoDB's 1 MB page size, with ExclusiveStartKey/LastEvaluatedKey and the SDK paginator. */
@ExtendWith(SharedModynServer.class)
class QueryPagingTest {

    private static final int SMALL_ITEMS = 10;
    private static final int LARGE_ITEMS = 15;
    /** 15 items of 100 KB: 1.5 MB in one partition, more than one 1 MB page. */
    private static final int LARGE_ITEM_BYTES = 100 * 1024;

    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void createTableWithItems(DynamoDbClient client) {
        dynamo = client;
        table = TestTables.createHashRangeTable(dynamo, "query-paging", ScalarAttributeType.S, ScalarAttributeType.N);
        for (int i = 0; i < SMALL_ITEMS; i++) {
            int sk = i;
            dynamo.putItem(put -> put.tableName(table).item(Map.of("pk", s("small"), "sk", n(sk))));
        }
        String payload = "x".repeat(LARGE_ITEM_BYTES);
        for (int i = 0; i < LARGE_ITEMS; i++) {
            int sk = i;
            dynamo.putItem(put -> put.tableName(table).item(Map.of("pk", s("large"), "sk", n(sk), "payload", s(payload))));
        }
    }

    @Test
    void limitCutsPagesAndLastEvaluatedKeyResumesThem() {
        List<QueryResponse> pages = allPages(partition("small").limit(3).build());

        assertEquals(List.of(3, 3, 3, 1), pages.stream().map(QueryResponse::count).toList());
        assertEquals(range(SMALL_ITEMS), pages.stream().flatMap(page -> sortKeys(page).stream()).toList());
        assertFalse(pages.get(pages.size() - 1).hasLastEvaluatedKey(), "last page has no LastEvaluatedKey");
    }

    @Test
    void lastEvaluatedKeyIsThePrimaryKeyOfTheLastItemReturned() {
        QueryResponse page = dynamo.query(partition("small").limit(4).build());

        assertEquals(Map.of("pk", s("small"), "sk", n(3)), page.lastEvaluatedKey());
    }

    @Test
    void pagingBackwardsResumesBelowTheLastEvaluatedKey() {
        List<QueryResponse> pages = allPages(partition("small").limit(4).scanIndexForward(false).build());

        List<Integer> descending = new ArrayList<>(range(SMALL_ITEMS));
        Collections.reverse(descending);
        assertEquals(descending, pages.stream().flatMap(page -> sortKeys(page).stream()).toList());
    }

    @Test
    void pageStopsAtOneMegabyteWithALastEvaluatedKey() {
        QueryResponse first = dynamo.query(partition("large").build());

        assertTrue(first.hasLastEvaluatedKey(), "1.5 MB of items cannot fit one page");
        assertTrue(first.count() > 0 && first.count() < LARGE_ITEMS, "first page holds " + first.count() + " items");
        // DynamoDB stops once it has read 1 MB: at most 10 whole items of 100 KB, plus the one crossing the line.
        assertTrue(first.count() <= 11, "first page holds " + first.count() + " items of 100 KB");

        List<QueryResponse> pages = allPages(partition("large").build());
        assertEquals(range(LARGE_ITEMS), pages.stream().flatMap(page -> sortKeys(page).stream()).toList());
    }

    @Test
    void sdkPaginatorReadsEveryItemAcrossPages() {
        List<Integer> all = dynamo.queryPaginator(partition("small").limit(4).build()).items().stream()
                .map(item -> Integer.parseInt(item.get("sk").n()))
                .toList();

        assertEquals(range(SMALL_ITEMS), all);
    }

    @Test
    void exclusiveStartKeyNeedNotBeAStoredItem() {
        QueryResponse page = dynamo.query(partition("small")
                .exclusiveStartKey(Map.of("pk", s("small"), "sk", n("6.5")))
                .build());

        assertEquals(List.of(7, 8, 9), sortKeys(page));
    }

    private static QueryRequest.Builder partition(String pk) {
        return QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk)));
    }

    private static List<QueryResponse> allPages(QueryRequest first) {
        List<QueryResponse> pages = new ArrayList<>();
        QueryRequest request = first;
        while (true) {
            QueryResponse page = dynamo.query(request);
            pages.add(page);
            if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) return pages;
            if (pages.size() > 100) throw new AssertionError("Paging does not end: " + pages.size() + " pages");
            request = request.toBuilder().exclusiveStartKey(page.lastEvaluatedKey()).build();
        }
    }

    private static List<Integer> sortKeys(QueryResponse page) {
        return page.items().stream().map(item -> Integer.parseInt(item.get("sk").n())).toList();
    }

    private static List<Integer> range(int count) {
        return IntStream.range(0, count).boxed().toList();
    }
}
