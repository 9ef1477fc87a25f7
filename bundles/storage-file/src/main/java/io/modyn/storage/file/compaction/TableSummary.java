package io.modyn.storage.file.compaction;

import io.modyn.storage.file.record.OrderedKey;

/**
 * What a strategy knows of a live table to choose compactions: its identity, level, size and key
 * range. Strategies see summaries rather than tables, so they are plain functions of the live set.
 */
record TableSummary(long generation, int level, long bytes, OrderedKey minKey, OrderedKey maxKey) {

    boolean overlaps(OrderedKey from, OrderedKey to) {
        return minKey.compareTo(to) <= 0 && from.compareTo(maxKey) <= 0;
    }
}
