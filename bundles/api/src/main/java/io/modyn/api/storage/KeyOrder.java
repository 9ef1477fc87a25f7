package io.modyn.api.storage;

/**
 * The one record order all backends share.
 *
 * <p>A keyspace is ordered by (partition token, partition bytes, sort bytes), bytes compared
 * unsigned. Leading with the token spreads partitions evenly over the key space, as Cassandra's
 * partitioner does, so a Scan segment is one contiguous token range and costs only its share of the
 * table; within a partition records are in sort-byte order, which is what Query reads.
 */
public final class KeyOrder {

    private KeyOrder() {
    }

    public static int compare(long tokenA, byte[] partitionA, byte[] sortA, long tokenB, byte[] partitionB, byte[] sortB) {
        int c = Long.compare(tokenA, tokenB);
        if (c != 0) return c;
        c = compareBytes(partitionA, partitionB);
        if (c != 0) return c;
        return compareBytes(sortA, sortB);
    }

    /** Unsigned lexicographic comparison; a proper prefix sorts first. */
    public static int compareBytes(byte[] a, byte[] b) {
        return java.util.Arrays.compareUnsigned(a, b);
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        return sb.toString();
    }
}
