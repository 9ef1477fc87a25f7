package io.modyn.engine.index;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.StorageKey;
import io.modyn.engine.item.ItemSize;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The write capacity a change costs in each index, as DynamoDB charges it (measured against
 * DynamoDB): an entry written or removed costs one unit per KB of the entry (the projected item),
 * rounded up; moving an entry to another index key costs the removal plus the new write; rewriting
 * an entry in place costs by the larger of its old and new images; an entry that does not change,
 * and an index the item is in neither before nor after, cost nothing and are not reported.
 *
 * @param global units per global index name, in definition order
 * @param local units per local index name, in definition order
 */
public record IndexWriteUnits(Map<String, Double> global, Map<String, Double> local) {

    public static final IndexWriteUnits NONE = new IndexWriteUnits(Map.of(), Map.of());

    public IndexWriteUnits {
        global = Collections.unmodifiableMap(new LinkedHashMap<>(global));
        local = Collections.unmodifiableMap(new LinkedHashMap<>(local));
    }

    /** @param oldItem the item before (null: absent); @param newItem the item after (null: deleted) */
    public static IndexWriteUnits of(TableDefinition table, Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem) {
        if (!TableIndex.hasIndexes(table)) return NONE;
        Map<String, Double> global = new LinkedHashMap<>();
        Map<String, Double> local = new LinkedHashMap<>();
        for (TableIndex index : TableIndex.all(table)) {
            double units = units(index, oldItem, newItem);
            if (units > 0) (index.global() ? global : local).put(index.name(), units);
        }
        return new IndexWriteUnits(global, local);
    }

    public IndexWriteUnits plus(IndexWriteUnits other) {
        Map<String, Double> global = new LinkedHashMap<>(this.global);
        other.global.forEach((name, units) -> global.merge(name, units, Double::sum));
        Map<String, Double> local = new LinkedHashMap<>(this.local);
        other.local.forEach((name, units) -> local.merge(name, units, Double::sum));
        return new IndexWriteUnits(global, local);
    }

    public double total() {
        return global.values().stream().mapToDouble(Double::doubleValue).sum() + local.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static double units(TableIndex index, Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem) {
        StorageKey oldKey = oldItem == null ? null : IndexEntryKeys.of(index, oldItem);
        StorageKey newKey = newItem == null ? null : IndexEntryKeys.of(index, newItem);
        Map<String, AttributeValue> oldEntry = oldKey == null ? null : index.project(oldItem);
        Map<String, AttributeValue> newEntry = newKey == null ? null : index.project(newItem);
        if (oldEntry == null && newEntry == null) return 0;
        if (oldEntry == null) return kilobytes(newEntry);
        if (newEntry == null) return kilobytes(oldEntry);
        if (!oldKey.equals(newKey)) return kilobytes(oldEntry) + kilobytes(newEntry);
        if (oldEntry.equals(newEntry)) return 0;
        return Math.max(kilobytes(oldEntry), kilobytes(newEntry));
    }

    private static double kilobytes(Map<String, AttributeValue> entry) {
        return Math.max(1, (ItemSize.of(entry) + 1023) / 1024);
    }
}
