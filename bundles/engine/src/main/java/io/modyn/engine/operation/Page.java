package io.modyn.engine.operation;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.RecordCursor;
import io.modyn.engine.item.ItemCodec;
import io.modyn.engine.item.ItemSize;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a Query or Scan: reads records until the Limit is reached or 1 MB of items has been
 * read (DynamoDB's page size, measured in item sizes), and remembers where it stopped.
 * A page that stopped early carries the last item's key as its LastEvaluatedKey, even when no
 * items follow, as DynamoDB does.
 */
final class Page {

    static final long MAX_PAGE_BYTES = 1024 * 1024;

    final List<Map<String, AttributeValue>> items = new ArrayList<>();
    long scannedBytes;
    Map<String, AttributeValue> lastEvaluatedKey;

    static Page read(RecordCursor cursor, Integer limit, TableDefinition table) {
        Page page = new Page();
        int max = limit == null ? Integer.MAX_VALUE : limit;
        while (page.items.size() < max && page.scannedBytes < MAX_PAGE_BYTES && cursor.hasNext()) {
            Map<String, AttributeValue> item = ItemCodec.decode(cursor.next().value());
            page.items.add(item);
            page.scannedBytes += ItemSize.of(item);
        }
        boolean stoppedEarly = page.items.size() >= max || page.scannedBytes >= MAX_PAGE_BYTES;
        if (stoppedEarly && !page.items.isEmpty()) {
            page.lastEvaluatedKey = keyOf(page.items.get(page.items.size() - 1), table);
        }
        return page;
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item, TableDefinition table) {
        Map<String, AttributeValue> key = new LinkedHashMap<>(4);
        key.put(table.partitionKeyName(), item.get(table.partitionKeyName()));
        if (table.sortKeyName() != null) key.put(table.sortKeyName(), item.get(table.sortKeyName()));
        return key;
    }
}
