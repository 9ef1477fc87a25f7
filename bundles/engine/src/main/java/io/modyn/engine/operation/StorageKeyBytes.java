package io.modyn.engine.operation;

import io.modyn.engine.item.PrimaryKey;
import java.util.Arrays;

/** A primary key's encoded bytes with value equality, for finding duplicate keys in a batch. */
record StorageKeyBytes(byte[] partition, byte[] sort) {

    StorageKeyBytes(PrimaryKey key) {
        this(key.partition(), key.sort());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StorageKeyBytes k && Arrays.equals(partition, k.partition) && Arrays.equals(sort, k.sort);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(partition) + Arrays.hashCode(sort);
    }
}
