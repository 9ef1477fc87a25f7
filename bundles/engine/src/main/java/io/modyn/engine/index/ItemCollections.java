package io.modyn.engine.index;

import io.modyn.api.dynamodb.ItemCollectionMetrics;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.SecondaryIndex;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.engine.item.ItemSize;
import io.modyn.engine.item.KeyEncoder;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * Item collections: in a table with local secondary indexes, the items that share a partition
 * key value, with their entries in those indexes. DynamoDB caps a collection at 10 GB and reports
 * its size on request (ReturnItemCollectionMetrics=SIZE).
 *
 * <p>Each collection's size is kept in the keyspace {@code collections.<tableId>}, one record per
 * partition key value, and changed by every write in the write's own storage transaction, so that
 * a write past the cap is refused before anything of it commits and the size never drifts from
 * the data. The size counted is the one DynamoDB's estimate describes: the items, plus the
 * attributes each local index projects.
 */
public final class ItemCollections {

    /** DynamoDB's item collection limit. */
    public static final long MAX_BYTES = 10L * 1024 * 1024 * 1024;

    private static final byte[] NO_SORT = new byte[0];
    private static final double GIGABYTE = 1024.0 * 1024 * 1024;

    private ItemCollections() {
    }

    /** The keyspace holding a table's collection sizes; it exists for tables with local indexes. */
    public static String keyspace(TableDefinition table) {
        return "collections." + table.tableId();
    }

    public static boolean tracked(TableDefinition table) {
        return !table.localSecondaryIndexes().isEmpty();
    }

    /** What an item (null: none) adds to its collection: its own size and its local index entries'. */
    static long contribution(TableDefinition table, Map<String, AttributeValue> item) {
        if (item == null) return 0;
        long size = ItemSize.of(item);
        for (SecondaryIndex local : table.localSecondaryIndexes()) {
            TableIndex index = new TableIndex(table, local, false);
            if (IndexEntryKeys.of(index, item) != null) size += ItemSize.of(index.project(item));
        }
        return size;
    }

    /** Changes a collection's size by {@code delta} bytes, refusing growth past {@code limit}. */
    static void record(StorageTransaction tx, TableDefinition table, byte[] partition, long delta, long limit) {
        if (delta == 0) return;
        String keyspace = keyspace(table);
        byte[] stored = tx.getForUpdate(keyspace, partition, NO_SORT);
        long size = Math.max(0, (stored == null ? 0 : decode(stored)) + delta);
        if (delta > 0 && size > limit) {
            throw new DynamoException(ErrorType.ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED, "Collection size exceeded.");
        }
        if (size == 0) tx.delete(keyspace, partition, NO_SORT); else tx.put(keyspace, partition, NO_SORT, encode(size));
    }

    /**
     * The ItemCollectionMetrics of a write to a table with local indexes, read after the write
     * committed; null for other tables, which have no item collections.
     *
     * @param key the written item's key attributes (or the whole item)
     */
    public static ItemCollectionMetrics metrics(StorageEngine storage, TableDefinition table, Map<String, AttributeValue> key) {
        if (!tracked(table)) return null;
        String partitionKey = table.partitionKeyName();
        AttributeValue value = key.get(partitionKey);
        byte[] stored = storage.get(keyspace(table), KeyEncoder.encode(value), NO_SORT);
        double lower = Math.floor((stored == null ? 0 : decode(stored)) / GIGABYTE);
        return new ItemCollectionMetrics(Map.of(partitionKey, value), List.of(lower, lower + 1));
    }

    private static byte[] encode(long size) {
        return ByteBuffer.allocate(Long.BYTES).putLong(size).array();
    }

    private static long decode(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getLong();
    }
}
