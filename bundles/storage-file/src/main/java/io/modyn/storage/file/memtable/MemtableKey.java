package io.modyn.storage.file.memtable;

import io.modyn.api.storage.KeyOrder;
import io.modyn.api.storage.PartitionToken;
import java.util.Arrays;

/**
 * A record key in memtable order ({@link KeyOrder}): token, then partition bytes, then sort bytes.
 * The token is computed once, when the key is made, not on every comparison.
 */
public final class MemtableKey implements Comparable<MemtableKey> {

    private static final byte[] EMPTY = new byte[0];

    final long token;
    final byte[] partition;
    final byte[] sort;

    MemtableKey(long token, byte[] partition, byte[] sort) {
        this.token = token;
        this.partition = partition;
        this.sort = sort;
    }

    public static MemtableKey of(byte[] partition, byte[] sort) {
        return new MemtableKey(PartitionToken.of(partition), partition, sort);
    }

    /** The smallest key with this token: no real key sorts before it within the token. */
    static MemtableKey firstOfToken(long token) {
        return new MemtableKey(token, EMPTY, EMPTY);
    }

    /** The smallest key of the partition: the empty sort key sorts first. */
    static MemtableKey firstOfPartition(long token, byte[] partition) {
        return new MemtableKey(token, partition, EMPTY);
    }

    /**
     * The smallest key after every key of the partition: the partition bytes followed by a zero
     * byte are the next byte string, so nothing can sort between.
     */
    static MemtableKey afterPartition(long token, byte[] partition) {
        return new MemtableKey(token, Arrays.copyOf(partition, partition.length + 1), EMPTY);
    }

    public byte[] partition() {
        return partition;
    }

    public byte[] sort() {
        return sort;
    }

    /** Bytes the key takes, for statistics. */
    int size() {
        return partition.length + sort.length;
    }

    @Override
    public int compareTo(MemtableKey other) {
        return KeyOrder.compare(token, partition, sort, other.token, other.partition, other.sort);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemtableKey k && compareTo(k) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(token);
    }
}
