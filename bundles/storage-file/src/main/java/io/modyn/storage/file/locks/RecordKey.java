package io.modyn.storage.file.locks;

import java.util.Arrays;

/**
 * A record's identity across keyspaces (keyspace, partition, sort), as a hash key: what the lock
 * table locks and a transaction's write buffer is keyed by. The hash is computed once.
 */
public final class RecordKey {

    private final String keyspace;
    private final byte[] partition;
    private final byte[] sort;
    private final int hash;

    public RecordKey(String keyspace, byte[] partition, byte[] sort) {
        this.keyspace = keyspace;
        this.partition = partition;
        this.sort = sort;
        this.hash = (keyspace.hashCode() * 31 + Arrays.hashCode(partition)) * 31 + Arrays.hashCode(sort);
    }

    public String keyspace() {
        return keyspace;
    }

    public byte[] partition() {
        return partition;
    }

    public byte[] sort() {
        return sort;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordKey k && hash == k.hash && keyspace.equals(k.keyspace)
                && Arrays.equals(partition, k.partition) && Arrays.equals(sort, k.sort);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return keyspace + "/" + Arrays.toString(partition) + "/" + Arrays.toString(sort);
    }
}
