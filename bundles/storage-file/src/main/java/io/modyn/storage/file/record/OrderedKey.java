package io.modyn.storage.file.record;

import io.modyn.api.storage.KeyOrder;
import io.modyn.api.storage.PartitionToken;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A record key in storage order ({@link KeyOrder}): token, then partition bytes, then sort bytes.
 * The token is computed once, when the key is made, not on every comparison. Memtables, sorted
 * tables, compaction and reads all order and bound their records with it.
 */
public final class OrderedKey implements Comparable<OrderedKey> {

    private static final byte[] EMPTY = new byte[0];

    private final long token;
    private final byte[] partition;
    private final byte[] sort;

    public OrderedKey(long token, byte[] partition, byte[] sort) {
        this.token = token;
        this.partition = partition;
        this.sort = sort;
    }

    public static OrderedKey of(byte[] partition, byte[] sort) {
        return new OrderedKey(PartitionToken.of(partition), partition, sort);
    }

    /** The smallest key with this token: no real key sorts before it within the token. */
    public static OrderedKey firstOfToken(long token) {
        return new OrderedKey(token, EMPTY, EMPTY);
    }

    /** The smallest key of the partition: the empty sort key sorts first. */
    public static OrderedKey firstOfPartition(long token, byte[] partition) {
        return new OrderedKey(token, partition, EMPTY);
    }

    /**
     * The smallest key after every key of the partition: the partition bytes followed by a zero
     * byte are the next byte string, so nothing can sort between.
     */
    public static OrderedKey afterPartition(long token, byte[] partition) {
        return new OrderedKey(token, Arrays.copyOf(partition, partition.length + 1), EMPTY);
    }

    public long token() {
        return token;
    }

    public byte[] partition() {
        return partition;
    }

    public byte[] sort() {
        return sort;
    }

    /** Bytes the key takes, for statistics. */
    public int size() {
        return partition.length + sort.length;
    }

    @Override
    public int compareTo(OrderedKey other) {
        return KeyOrder.compare(token, partition, sort, other.token, other.partition, other.sort);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrderedKey k && compareTo(k) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(token);
    }

    @Override
    public String toString() {
        return "OrderedKey[" + HexFormat.of().formatHex(partition) + "/" + HexFormat.of().formatHex(sort) + "]";
    }
}
