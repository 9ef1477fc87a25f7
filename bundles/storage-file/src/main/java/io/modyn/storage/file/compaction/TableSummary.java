package io.modyn.storage.file.compaction;

import io.modyn.storage.file.record.OrderedKey;
import io.modyn.storage.file.sstable.SortedTable;
import io.modyn.storage.file.sstable.TableStatistics;

/**
 * What a strategy knows of a live table to choose compactions: its identity, level, size, key
 * range, and for tombstone cleanup its counts and sequences. Strategies see summaries rather than
 * tables, so they are plain functions of the live set.
 */
record TableSummary(long generation, int level, long bytes, OrderedKey minKey, OrderedKey maxKey, long recordCount,
        long tombstoneCount, long minSequence, long maxSequence) {

    /** A summary with no tombstones and no sequences, for strategies that look at sizes and ranges only. */
    TableSummary(long generation, int level, long bytes, OrderedKey minKey, OrderedKey maxKey) {
        this(generation, level, bytes, minKey, maxKey, 0, 0, 0, 0);
    }

    static TableSummary of(SortedTable table) {
        TableStatistics statistics = table.statistics();
        return new TableSummary(table.generation(), table.level(), statistics.fileBytes(), statistics.minKey(), statistics.maxKey(),
                statistics.recordCount(), statistics.tombstoneCount(), statistics.minSequence(), statistics.maxSequence());
    }

    boolean overlaps(OrderedKey from, OrderedKey to) {
        return minKey.compareTo(to) <= 0 && from.compareTo(maxKey) <= 0;
    }
}
