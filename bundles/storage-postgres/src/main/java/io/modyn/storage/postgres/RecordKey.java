package io.modyn.storage.postgres;

import io.modyn.api.storage.PartitionToken;
import java.util.Arrays;

/** A record's full key, compared by content: what a transaction locks and buffers writes under. */
record RecordKey(String keyspace, byte[] partition, byte[] sort) {

    /** A key with private copies of the arrays, so the caller may reuse its own. */
    static RecordKey copyOf(String keyspace, byte[] partition, byte[] sort) {
        return new RecordKey(keyspace, partition.clone(), sort.clone());
    }

    long token() {
        return PartitionToken.of(partition);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordKey k && keyspace.equals(k.keyspace) && Arrays.equals(partition, k.partition)
                && Arrays.equals(sort, k.sort);
    }

    @Override
    public int hashCode() {
        return (keyspace.hashCode() * 31 + Arrays.hashCode(partition)) * 31 + Arrays.hashCode(sort);
    }

    @Override
    public String toString() {
        return "RecordKey[" + keyspace + ", " + partition.length + " partition bytes, " + sort.length + " sort bytes]";
    }
}
