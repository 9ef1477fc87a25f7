package io.modyn.engine.transaction;

import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.KeyOrder;
import io.modyn.engine.catalog.TableCatalog;
import io.modyn.engine.item.PrimaryKey;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The storage address of one item: its table's keyspace and its encoded key. Equal when the bytes
 * are equal, so it also finds two actions on the same item; {@link #LOCK_ORDER} is the one order
 * in which every transaction takes its locks.
 */
public record ItemRef(String keyspace, byte[] partition, byte[] sort) {

    /** Keyspace, then partition bytes, then sort bytes: any total order works if all use it. */
    public static final Comparator<ItemRef> LOCK_ORDER = Comparator.comparing(ItemRef::keyspace)
            .thenComparing(ItemRef::partition, KeyOrder::compareBytes)
            .thenComparing(ItemRef::sort, KeyOrder::compareBytes);

    public static ItemRef of(TableDefinition table, PrimaryKey key) {
        return new ItemRef(TableCatalog.dataKeyspace(table), key.partition(), key.sort());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ItemRef r && keyspace.equals(r.keyspace) && Arrays.equals(partition, r.partition) && Arrays.equals(sort, r.sort);
    }

    @Override
    public int hashCode() {
        return (keyspace.hashCode() * 31 + Arrays.hashCode(partition)) * 31 + Arrays.hashCode(sort);
    }
}
