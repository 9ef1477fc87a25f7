package io.modyn.engine.write;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.item.PrimaryKey;
import java.util.Map;

/**
 * One item's change within a storage transaction.
 *
 * @param oldItem the item before, or null if absent or not read (see {@link ChangeHook#needsOldItem})
 * @param newItem the item after, or null when the item is deleted
 */
public record ItemChange(TableDefinition table, PrimaryKey key, Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem,
        ChangeOrigin origin) {
}
