package io.modyn.storage.memory;

import io.modyn.api.storage.KeyOrder;
import io.modyn.api.storage.PartitionToken;
import java.util.Arrays;

/**
 * A record key with its partition token computed once: the skip list compares keys many times per
 * lookup, and {@link io.modyn.api.storage.StorageKey} would hash the partition on every comparison.
 * Ordered as {@link KeyOrder} says every backend must be.
 */
record MemoryKey(long token, byte[] partition, byte[] sort) implements Comparable<MemoryKey> {

    private static final byte[] EMPTY = new byte[0];

    static MemoryKey of(byte[] partition, byte[] sort) {
        return new MemoryKey(PartitionToken.of(partition), partition, sort);
    }

    /** A key that owns its arrays, so that a caller changing theirs later changes nothing here. */
    static MemoryKey copyOf(byte[] partition, byte[] sort) {
        return of(partition.clone(), sort.clone());
    }

    /** The first key of a partition: the empty sort key sorts before every other. */
    static MemoryKey partitionStart(byte[] partition) {
        return of(partition, EMPTY);
    }

    /**
     * The first key after every key of a partition: the same token and the partition bytes with a
     * zero byte appended, which sort after the partition's own bytes and before or equal to any
     * greater partition's bytes.
     */
    static MemoryKey partitionEnd(byte[] partition) {
        return new MemoryKey(PartitionToken.of(partition), Arrays.copyOf(partition, partition.length + 1), EMPTY);
    }

    /** The first possible key of a token: no real key is smaller, since every byte string is at least empty. */
    static MemoryKey tokenStart(long token) {
        return new MemoryKey(token, EMPTY, EMPTY);
    }

    @Override
    public int compareTo(MemoryKey other) {
        return KeyOrder.compare(token, partition, sort, other.token, other.partition, other.sort);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemoryKey k && token == k.token && Arrays.equals(partition, k.partition) && Arrays.equals(sort, k.sort);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(token) * 31 + Arrays.hashCode(sort);
    }
}
