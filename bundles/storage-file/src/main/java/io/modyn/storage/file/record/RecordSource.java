package io.modyn.storage.file.record;

/**
 * Something that holds versions of records in key order: a memtable or a sorted table. Each holds
 * at most one version of a key (its newest); reads merge sources, the highest sequence winning.
 */
public interface RecordSource {

    /** This source's version of the key, a tombstone included, or null if it holds none. */
    VersionedRecord get(OrderedKey key);

    /**
     * This source's versions, tombstones included, of the keys between the bounds, ascending or
     * descending.
     *
     * @param from the lower bound, or null for the first key
     * @param to the upper bound, or null for past the last key
     */
    RecordIterator range(OrderedKey from, boolean fromInclusive, OrderedKey to, boolean toInclusive, boolean descending);
}
