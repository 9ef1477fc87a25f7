package io.modyn.api.storage;

import java.util.Arrays;

/** The key of a record: partition bytes and sort bytes (empty for tables without a sort key). */
public record StorageKey(byte[] partition, byte[] sort) implements Comparable<StorageKey> {

    public StorageKey {
        if (partition == null || sort == null) throw new NullPointerException("partition and sort are required");
    }

    public long token() {
        return PartitionToken.of(partition);
    }

    /** Orders keys as every backend must: by token, then partition bytes, then sort bytes. */
    @Override
    public int compareTo(StorageKey other) {
        return KeyOrder.compare(token(), partition, sort, other.token(), other.partition, other.sort);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StorageKey k && Arrays.equals(partition, k.partition) && Arrays.equals(sort, k.sort);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(partition) + Arrays.hashCode(sort);
    }

    @Override
    public String toString() {
        return "StorageKey[" + KeyOrder.hex(partition) + "/" + KeyOrder.hex(sort) + "]";
    }
}
