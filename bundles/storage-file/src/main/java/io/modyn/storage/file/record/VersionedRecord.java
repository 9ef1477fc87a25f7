package io.modyn.storage.file.record;

/**
 * One version of a record, as memtables, sorted tables and compaction hold it: its key, the
 * sequence of the commit that wrote it, and its value, or null for a tombstone (a deletion that
 * must shadow older versions until compaction may drop it).
 *
 * <p>Of two versions of a key, the one with the higher sequence is the newer, wherever each is
 * held. The sequence of a commit is its commit-log position ({@link Sequence}), so it grows with
 * the log and survives restarts.
 */
public record VersionedRecord(OrderedKey key, long sequence, byte[] value) {

    public static VersionedRecord tombstone(OrderedKey key, long sequence) {
        return new VersionedRecord(key, sequence, null);
    }

    public boolean isTombstone() {
        return value == null;
    }

    /** Bytes of key and value, as memtable budgets and statistics count them. */
    public int size() {
        return key.size() + (value == null ? 0 : value.length);
    }
}
