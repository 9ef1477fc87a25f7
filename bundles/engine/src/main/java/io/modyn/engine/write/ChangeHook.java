package io.modyn.engine.write;

import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.StorageTransaction;

/**
 * Something derived from item changes and written in the same storage transaction as the base
 * row (secondary index rows, stream records), so that both commit or neither does.
 */
public interface ChangeHook {

    /** Whether this hook needs the item as it was before the change, for this table. */
    boolean needsOldItem(TableDefinition table);

    void apply(StorageTransaction transaction, ItemChange change);

    /** Told after a table was deleted (its definition gone, its keyspaces dropped). */
    default void tableDeleted(TableDefinition table, String tableArn) {
    }
}
