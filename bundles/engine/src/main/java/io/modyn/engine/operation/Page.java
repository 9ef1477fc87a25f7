package io.modyn.engine.operation;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.RecordCursor;
import io.modyn.engine.expr.ItemCondition;
import io.modyn.engine.item.ItemCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a Query or Scan. As in DynamoDB, the Limit and the 1 MB page bound count the items
 * read (before the filter), the filter then decides which of them are returned, and a page that
 * stopped early carries the last item read as its LastEvaluatedKey, even when no items follow.
 */
final class Page {

    static final long MAX_PAGE_BYTES = 1024 * 1024;

    final List<Map<String, AttributeValue>> items = new ArrayList<>();
    int count;
    int scannedCount;
    long scannedBytes;
    Map<String, AttributeValue> lastEvaluatedKey;

    static Page empty() {
        return new Page();
    }

    static Page read(RecordCursor cursor, Integer limit, TableDefinition table, ItemCondition filter, ReadSelection selection) {
        Page page = new Page();
        int max = limit == null ? Integer.MAX_VALUE : limit;
        Map<String, AttributeValue> last = null;
        while (page.scannedCount < max && page.scannedBytes < MAX_PAGE_BYTES && cursor.hasNext()) {
            ItemCodec.SizedItem read = ItemCodec.decodeSized(cursor.next().value());
            Map<String, AttributeValue> item = read.item();
            last = item;
            page.scannedCount++;
            page.scannedBytes += read.size();
            if (filter != null && !filter.test(item)) continue;
            page.count++;
            if (!selection.countOnly()) page.items.add(selection.apply(item));
        }
        boolean stoppedEarly = page.scannedCount >= max || page.scannedBytes >= MAX_PAGE_BYTES;
        if (stoppedEarly && last != null) page.lastEvaluatedKey = keyOf(last, table);
        return page;
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item, TableDefinition table) {
        Map<String, AttributeValue> key = new LinkedHashMap<>(4);
        key.put(table.partitionKeyName(), item.get(table.partitionKeyName()));
        if (table.sortKeyName() != null) key.put(table.sortKeyName(), item.get(table.sortKeyName()));
        return key;
    }
}
