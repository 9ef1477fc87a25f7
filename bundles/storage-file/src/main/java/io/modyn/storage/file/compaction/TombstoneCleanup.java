package io.modyn.storage.file.compaction;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Cassandra's single-table tombstone compaction: when no merge is due, a table whose records are
 * mostly tombstones is rewritten alone to drop them. Without it, deletes and TTL expiries in a
 * large size-tiered table (which waits for three peers of its size) or in the last level would
 * hold their disk space indefinitely.
 *
 * <p>A table qualifies only when every tombstone it holds can go: no other table overlapping its
 * key range holds anything older than its newest record. The rewrite then holds no tombstone, so
 * it never qualifies again, and cleanup cannot loop on tombstones that must stay.
 */
final class TombstoneCleanup {

    private TombstoneCleanup() {
    }

    /**
     * @param threshold the share of tombstones among a table's records that makes it worth
     *     rewriting; 0 disables cleanup
     */
    static Optional<CompactionPlan> next(List<TableSummary> live, double threshold) {
        if (threshold <= 0) {
            return Optional.empty();
        }
        return live.stream()
                .filter(table -> table.tombstoneCount() > 0 && table.tombstoneCount() >= threshold * table.recordCount())
                .filter(table -> allTombstonesPurgeable(table, live))
                .max(Comparator.comparingDouble(table -> (double) table.tombstoneCount() / table.recordCount()))
                .map(table -> new CompactionPlan(List.of(table), table.level(), Long.MAX_VALUE));
    }

    private static boolean allTombstonesPurgeable(TableSummary table, List<TableSummary> live) {
        for (TableSummary other : live) {
            if (other.generation() != table.generation() && other.overlaps(table.minKey(), table.maxKey())
                    && other.minSequence() < table.maxSequence()) {
                return false;
            }
        }
        return true;
    }
}
