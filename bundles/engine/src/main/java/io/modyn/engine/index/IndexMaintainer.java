package io.modyn.engine.index;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.StorageKey;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.engine.item.ItemCodec;
import io.modyn.engine.write.ChangeHook;
import io.modyn.engine.write.ItemChange;
import java.util.Map;

/**
 * Keeps secondary indexes in step with their table: for every item change, in the change's own
 * storage transaction, it checks the new item's index key values, moves or rewrites the item's
 * entry in each index (or removes it when the item leaves the index), and, for tables with local
 * indexes, updates the item collection's size. An entry whose key and projected attributes do
 * not change is left alone.
 */
public final class IndexMaintainer implements ChangeHook {

    private final long itemCollectionLimit;

    /** @param itemCollectionLimit the largest item collection allowed, in bytes (DynamoDB's is 10 GB) */
    public IndexMaintainer(long itemCollectionLimit) {
        this.itemCollectionLimit = itemCollectionLimit;
    }

    @Override
    public boolean needsOldItem(TableDefinition table) {
        return TableIndex.hasIndexes(table);
    }

    @Override
    public void apply(StorageTransaction tx, ItemChange change) {
        TableDefinition table = change.table();
        if (!TableIndex.hasIndexes(table)) return;
        Map<String, AttributeValue> oldItem = change.oldItem();
        Map<String, AttributeValue> newItem = change.newItem();
        IndexKeyRules.check(table, oldItem, newItem);
        for (TableIndex index : TableIndex.all(table)) update(tx, index, oldItem, newItem);
        if (ItemCollections.tracked(table)) {
            long delta = ItemCollections.contribution(table, newItem) - ItemCollections.contribution(table, oldItem);
            ItemCollections.record(tx, table, change.key().partition(), delta, itemCollectionLimit);
        }
    }

    private static void update(StorageTransaction tx, TableIndex index, Map<String, AttributeValue> oldItem,
            Map<String, AttributeValue> newItem) {
        StorageKey oldKey = oldItem == null ? null : IndexEntryKeys.of(index, oldItem);
        StorageKey newKey = newItem == null ? null : IndexEntryKeys.of(index, newItem);
        if (oldKey != null && !oldKey.equals(newKey)) tx.delete(index.keyspace(), oldKey.partition(), oldKey.sort());
        if (newKey == null) return;
        Map<String, AttributeValue> entry = index.project(newItem);
        if (newKey.equals(oldKey) && entry.equals(index.project(oldItem))) return;
        tx.put(index.keyspace(), newKey.partition(), newKey.sort(), ItemCodec.encode(entry));
    }
}
