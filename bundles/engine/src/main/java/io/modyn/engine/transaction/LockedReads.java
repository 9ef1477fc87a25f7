package io.modyn.engine.transaction;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.storage.StorageConflictException;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.engine.item.ItemCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Locks and reads a transaction's items. Locks are taken in {@link ItemRef#LOCK_ORDER}, whatever
 * the order of the request, so two transactions over overlapping items queue behind each other
 * instead of each holding what the other waits for.
 */
public final class LockedReads {

    private LockedReads() {
    }

    /**
     * The items in request order (null where absent), locked until the transaction ends.
     *
     * @throws ActionConflictException naming the action whose lock could not be taken
     */
    static List<Map<String, AttributeValue>> read(StorageTransaction tx, List<ItemRef> refs) {
        Integer[] order = new Integer[refs.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparing(refs::get, ItemRef.LOCK_ORDER));
        List<Map<String, AttributeValue>> items = new ArrayList<>(refs.size());
        for (int i = 0; i < refs.size(); i++) items.add(null);
        for (int index : order) {
            ItemRef ref = refs.get(index);
            byte[] stored;
            try {
                stored = tx.getForUpdate(ref.keyspace(), ref.partition(), ref.sort());
            } catch (StorageConflictException e) {
                throw new ActionConflictException(index, e);
            }
            items.set(index, stored == null ? null : ItemCodec.decode(stored));
        }
        return items;
    }

    /**
     * A consistent snapshot of the items: all are locked at once, so no write commits in between,
     * then the locks are released without writing anything.
     */
    public static List<Map<String, AttributeValue>> snapshot(StorageEngine storage, List<ItemRef> refs) {
        try (StorageTransaction tx = storage.begin()) {
            return read(tx, refs);
        }
    }
}
