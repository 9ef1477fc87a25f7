package io.modyn.itests.support;

import static io.modyn.itests.support.DynamoAssertions.assertSameItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * What a table holds, read with strongly consistent reads: to check what a request wrote, and that a
 * rejected request wrote nothing ("bad input, nothing lost").
 */
public final class StoredItems {

    private StoredItems() {
    }

    /** The item under {@code key}, or null when there is none. */
    public static Map<String, AttributeValue> get(DynamoDbClient dynamo, String table, Map<String, AttributeValue> key) {
        var response = dynamo.getItem(get -> get.tableName(table).key(key).consistentRead(true));
        return response.hasItem() ? response.item() : null;
    }

    /** Every item of the table, in scan order, read page by page. */
    public static List<Map<String, AttributeValue>> all(DynamoDbClient dynamo, String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        ScanRequest request = ScanRequest.builder().tableName(table).consistentRead(true).build();
        while (true) {
            ScanResponse page = dynamo.scan(request);
            items.addAll(page.items());
            if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) return items;
            request = request.toBuilder().exclusiveStartKey(page.lastEvaluatedKey()).build();
        }
    }

    /**
     * Runs {@code rejection} (which asserts that a write is refused) and asserts that the item under
     * {@code key} is exactly what it was before: a refused write changes nothing.
     */
    public static void assertUnchangedBy(DynamoDbClient dynamo, String table, Map<String, AttributeValue> key,
                                         Executable rejection) {
        Map<String, AttributeValue> before = get(dynamo, table, key);
        try {
            rejection.execute();
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        Map<String, AttributeValue> after = get(dynamo, table, key);
        if (before == null) {
            assertEquals(null, after, "a refused write created the item");
        } else {
            assertSameItem(before, after);
        }
    }
}
