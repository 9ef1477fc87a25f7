package io.modyn.engine.index;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.storage.StorageKey;
import io.modyn.engine.item.KeyEncoder;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

/**
 * Where an item's entry sits in an index's keyspace.
 *
 * <p>The partition is the index partition value's key encoding (for a multi-attribute partition,
 * the components of its values in key schema order). The sort bytes are the components of the
 * index sort values followed by those of the table key values, so that entries with equal index
 * keys stay distinct and come in table key order, and a page can resume after any of them.
 */
final class IndexEntryKeys {

    private IndexEntryKeys() {
    }

    /**
     * The entry's key, or null when the item is not in the index: an index key attribute is
     * missing (a sparse index), or has a value that cannot be a key of its declared type (left in
     * the table, out of the index, as DynamoDB's backfill leaves such items).
     */
    static StorageKey of(TableIndex index, Map<String, AttributeValue> item) {
        List<String> partitionNames = index.partitionKeyNames();
        byte[] partition;
        if (partitionNames.size() == 1) {
            partition = encoded(index, item, partitionNames.get(0), IndexKeyRules.MAX_PARTITION_KEY_BYTES);
            if (partition == null) return null;
        } else {
            partition = components(index, item, partitionNames, IndexKeyRules.MAX_PARTITION_KEY_BYTES, new ByteArrayOutputStream());
            if (partition == null) return null;
        }
        ByteArrayOutputStream sort = new ByteArrayOutputStream();
        if (components(index, item, index.sortKeyNames(), IndexKeyRules.MAX_SORT_KEY_BYTES, sort) == null) return null;
        List<String> tableKeys = index.table().keySchema().stream().map(k -> k.attributeName()).toList();
        // The table key values were checked against the same limits when the item was written.
        if (components(index, item, tableKeys, Integer.MAX_VALUE, sort) == null) return null;
        return new StorageKey(partition, sort.toByteArray());
    }

    /** Appends the values' components to {@code out}; null if one of them cannot be a key. */
    private static byte[] components(TableIndex index, Map<String, AttributeValue> item, List<String> names, int maxBytes,
            ByteArrayOutputStream out) {
        for (String name : names) {
            byte[] value = encoded(index, item, name, maxBytes);
            if (value == null) return null;
            out.writeBytes(IndexKeyCodec.component(value));
        }
        return out.toByteArray();
    }

    /**
     * The value's key encoding, or null when it cannot be this index's key: missing, of another
     * type, empty, or over the key size limit (an item written before the index existed may hold
     * one; the backfill leaves it out, as DynamoDB's does, and later writes are refused).
     */
    private static byte[] encoded(TableIndex index, Map<String, AttributeValue> item, String name, int maxBytes) {
        AttributeValue value = item.get(name);
        if (value == null || !value.typeName().equals(index.table().attributeType(name))) return null;
        if (IndexKeyRules.keyBytes(value) > maxBytes) return null;
        byte[] bytes = KeyEncoder.encode(value);
        if (bytes.length == 0) return null; // an empty string or binary is no key (a number never encodes empty)
        return bytes;
    }
}
