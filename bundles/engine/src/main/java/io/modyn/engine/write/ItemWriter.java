package io.modyn.engine.write;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.engine.catalog.TableCatalog;
import io.modyn.engine.item.ItemCodec;
import io.modyn.engine.item.PrimaryKey;
import java.util.List;
import java.util.Map;

/**
 * The one place item changes are written: the base row and, through the {@link ChangeHook}s, the
 * rows derived from it, all in the caller's storage transaction. Every write path (single-item
 * writes, batches, transactions, TTL expiry) goes through here, so derived data never drifts.
 */
public final class ItemWriter {

    private final List<ChangeHook> hooks;

    public ItemWriter(List<ChangeHook> hooks) {
        this.hooks = List.copyOf(hooks);
    }

    /** Whether a write to this table must read the item first, for the hooks' sake. */
    public boolean needsOldItem(TableDefinition table) {
        for (ChangeHook hook : hooks) {
            if (hook.needsOldItem(table)) return true;
        }
        return false;
    }

    /** Tells every hook that a table was deleted. */
    public void tableDeleted(TableDefinition table, String tableArn) {
        for (ChangeHook hook : hooks) hook.tableDeleted(table, tableArn);
    }

    /**
     * Writes the change. When {@code oldKnown} is false the old item was not read (no hook needs
     * it), and a deletion is written blindly. The write commits only if {@code table} is still
     * the table's stored definition then ({@link TableCatalog#fence}): what the hooks derive from
     * the change (index entries, stream records) is derived from the definition that holds.
     */
    public void write(TableCatalog catalog, StorageTransaction tx, TableDefinition table, PrimaryKey key, Map<String, AttributeValue> oldItem,
            Map<String, AttributeValue> newItem, boolean oldKnown, ChangeOrigin origin) {
        if (newItem == null && oldItem == null && oldKnown) return; // deleting an item that is not there changes nothing
        catalog.fence(tx, table);
        String keyspace = TableCatalog.dataKeyspace(table);
        if (newItem != null) {
            tx.put(keyspace, key.partition(), key.sort(), ItemCodec.encode(newItem));
        } else {
            tx.delete(keyspace, key.partition(), key.sort());
        }
        ItemChange change = new ItemChange(table, key, oldItem, newItem, origin);
        for (ChangeHook hook : hooks) hook.apply(tx, change);
    }
}
