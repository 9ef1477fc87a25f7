package io.modyn.storage.file.read;

import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.KeyspaceNotFoundException;
import io.modyn.api.storage.PartitionToken;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageException;
import io.modyn.api.storage.StorageKey;
import io.modyn.storage.file.memtable.Memtable;
import io.modyn.storage.file.record.MergedRecords;
import io.modyn.storage.file.record.OrderedKey;
import io.modyn.storage.file.record.RecordIterator;
import io.modyn.storage.file.record.VersionedRecord;
import io.modyn.storage.file.sstable.SortedTable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The read path over a keyspace's sources: memtables first (always newer than any table, the
 * active one newest), then the sorted tables that may hold the key; of all versions found, the
 * highest sequence wins, and a tombstone reads as absent.
 *
 * <p>A reader retains each table it reads. A table that can no longer be retained has just left
 * the live set (compaction replaced it and its last reference went): the read starts again on the
 * keyspace's current view, which holds what replaced it; if there is none, the keyspace was
 * dropped or the engine closed meanwhile, and the read fails.
 */
public final class Reads {

    private Reads() {
    }

    /** The newest value of the key, or null if absent or deleted. */
    public static byte[] get(LiveKeyspace keyspace, byte[] partition, byte[] sort) {
        OrderedKey key = OrderedKey.of(partition, sort);
        while (true) {
            KeyspaceView view = keyspace.view();
            VersionedRecord inMemory = view.active().get(key);
            for (int i = 0; inMemory == null && i < view.flushing().size(); i++) inMemory = view.flushing().get(i).get(key);
            if (inMemory != null) return inMemory.value();
            VersionedRecord newest = null;
            boolean complete = true;
            for (SortedTable table : view.tables()) {
                // Tables are ordered by their newest sequence: none further on can beat what we have.
                if (newest != null && newest.sequence() > table.statistics().maxSequence()) break;
                if (!table.mightContain(key)) continue;
                if (!table.retain()) {
                    complete = false;
                    break;
                }
                try {
                    VersionedRecord found = table.lookup(key); // mightContain was asked above
                    if (found != null && (newest == null || found.sequence() > newest.sequence())) newest = found;
                } finally {
                    table.release();
                }
            }
            if (complete) return newest == null ? null : newest.value();
            requireChanged(keyspace, view);
        }
    }

    /** The live records of one partition whose sort key is in the range, in either direction. */
    public static RecordCursor query(LiveKeyspace keyspace, byte[] partition, KeyRange range, boolean descending) {
        if (range.isEmpty()) return new MergedCursor(MergedRecords.of(List.of(), descending, true));
        long token = PartitionToken.of(partition);
        OrderedKey from = range.lower() == null ? OrderedKey.firstOfPartition(token, partition) : new OrderedKey(token, partition, range.lower());
        boolean fromInclusive = range.lower() == null || range.lowerInclusive();
        OrderedKey to = range.upper() == null ? OrderedKey.afterPartition(token, partition) : new OrderedKey(token, partition, range.upper());
        boolean toInclusive = range.upper() != null && range.upperInclusive();
        return merge(keyspace, from, fromInclusive, to, toInclusive, descending, table -> table.mightContainPartition(partition));
    }

    /** The live records of one scan segment in key order, strictly after {@code exclusiveStart} if given. */
    public static RecordCursor scan(LiveKeyspace keyspace, int segment, int totalSegments, StorageKey exclusiveStart) {
        OrderedKey from = OrderedKey.firstOfToken(PartitionToken.segmentStart(segment, totalSegments));
        boolean fromInclusive = true;
        if (exclusiveStart != null) {
            OrderedKey start = OrderedKey.of(exclusiveStart.partition(), exclusiveStart.sort());
            if (start.compareTo(from) >= 0) {
                from = start;
                fromInclusive = false;
            }
        }
        OrderedKey to = null;
        if (segment + 1 < totalSegments) {
            to = OrderedKey.firstOfToken(PartitionToken.segmentStart(segment + 1, totalSegments));
            if (from.compareTo(to) >= 0) return new MergedCursor(MergedRecords.of(List.of(), false, true));
        }
        return merge(keyspace, from, fromInclusive, to, false, false, table -> true);
    }

    /**
     * A table of a view could not be retained: a compaction replaced it, and then the view has
     * changed, so the read starts again; or the keyspace was dropped or the engine closed, which
     * release tables without a new view, and the read fails.
     */
    private static void requireChanged(LiveKeyspace keyspace, KeyspaceView view) {
        if (keyspace.view() != view) return;
        if (keyspace.isDropped()) throw new KeyspaceNotFoundException("keyspace " + keyspace.name() + " was dropped during the read");
        throw new StorageException("file storage is shut down", true);
    }

    private static RecordCursor merge(LiveKeyspace keyspace, OrderedKey from, boolean fromInclusive, OrderedKey to, boolean toInclusive,
            boolean descending, Predicate<SortedTable> mayHold) {
        while (true) {
            KeyspaceView view = keyspace.view();
            List<RecordIterator> sources = new ArrayList<>(view.flushing().size() + 1 + view.tables().size());
            for (Memtable memtable : view.memtables()) sources.add(memtable.range(from, fromInclusive, to, toInclusive, descending));
            boolean complete = true;
            for (SortedTable table : view.tables()) {
                if (!mayHold.test(table)) continue;
                if (!table.retain()) {
                    complete = false;
                    break;
                }
                try {
                    // The iterator holds its own reference until closed.
                    sources.add(table.range(from, fromInclusive, to, toInclusive, descending));
                } finally {
                    table.release();
                }
            }
            RecordIterator merged = MergedRecords.of(sources, descending, true);
            if (complete) return new MergedCursor(merged);
            merged.close();
            requireChanged(keyspace, view);
        }
    }
}
