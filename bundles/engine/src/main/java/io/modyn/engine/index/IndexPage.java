package io.modyn.engine.index;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.storage.RecordCursor;
import io.modyn.engine.expr.ItemCondition;
import io.modyn.engine.item.ItemCodec;
import io.modyn.engine.item.ItemSize;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One page of a Query or Scan of an index, with the rules of a table page: the Limit and the 1 MB
 * bound count the entries read (before the filter), and a page that stopped early carries the
 * last entry read as its LastEvaluatedKey: that entry's table key and index key.
 */
public final class IndexPage {

    static final long MAX_PAGE_BYTES = 1024 * 1024;

    private final List<Map<String, AttributeValue>> items = new ArrayList<>();
    private final List<Long> fetchedItemSizes = new ArrayList<>();
    private int count;
    private int scannedCount;
    private long scannedBytes;
    private Map<String, AttributeValue> lastEvaluatedKey;

    private IndexPage() {
    }

    public static IndexPage empty() {
        return new IndexPage();
    }

    /**
     * @param tableItems completes an entry from the table ({@link IndexReadPlan#fetchFromTable}), or null
     * @param output what the read returns of each matching item; null for Select=COUNT
     */
    public static IndexPage read(RecordCursor cursor, Integer limit, TableIndex index, ItemCondition filter,
            UnaryOperator<Map<String, AttributeValue>> tableItems, UnaryOperator<Map<String, AttributeValue>> output) {
        IndexPage page = new IndexPage();
        int max = limit == null ? Integer.MAX_VALUE : limit;
        Map<String, AttributeValue> last = null;
        while (page.scannedCount < max && page.scannedBytes < MAX_PAGE_BYTES && cursor.hasNext()) {
            Map<String, AttributeValue> entry = ItemCodec.decode(cursor.next().value());
            last = entry;
            page.scannedCount++;
            page.scannedBytes += ItemSize.of(entry);
            Map<String, AttributeValue> item = entry;
            if (tableItems != null) {
                item = tableItems.apply(entry);
                if (item == null) continue; // deleted since the entry was read
                page.fetchedItemSizes.add(ItemSize.of(item));
            }
            if (filter != null && !filter.test(item)) continue;
            page.count++;
            if (output != null) page.items.add(output.apply(item));
        }
        boolean stoppedEarly = page.scannedCount >= max || page.scannedBytes >= MAX_PAGE_BYTES;
        if (stoppedEarly && last != null) page.lastEvaluatedKey = keyOf(last, index);
        return page;
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> entry, TableIndex index) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : index.keyAttributes()) key.put(name, entry.get(name));
        return key;
    }

    public List<Map<String, AttributeValue>> items() {
        return items;
    }

    /** The sizes of the table items read to complete entries, each a read of its own. */
    public List<Long> fetchedItemSizes() {
        return fetchedItemSizes;
    }

    public int count() {
        return count;
    }

    public int scannedCount() {
        return scannedCount;
    }

    /** The size of the entries read, which the read is charged on. */
    public long scannedBytes() {
        return scannedBytes;
    }

    public Map<String, AttributeValue> lastEvaluatedKey() {
        return lastEvaluatedKey;
    }
}
