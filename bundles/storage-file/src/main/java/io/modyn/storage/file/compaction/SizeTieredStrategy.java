package io.modyn.storage.file.compaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Size-tiered compaction, as Cassandra's STCS: tables sorted by size fall into buckets of similar
 * size (within {@code bucketLow..bucketHigh} of the bucket's average, or all below the small-table
 * size), and a bucket of at least {@code minThreshold} tables is merged into one table. Each table
 * is thus rewritten about once per tier, a logarithmic number of times, which keeps write
 * amplification low at the cost of space and of reads touching a table per tier.
 *
 * <p>Of several full buckets the one with the smallest average size goes first: it is the cheapest
 * to merge and removes as many tables as any other. Levels are ignored; outputs go to level 0.
 */
final class SizeTieredStrategy implements CompactionStrategy {

    private final SizeTieredOptions options;

    SizeTieredStrategy(SizeTieredOptions options) {
        this.options = options;
    }

    @Override
    public Optional<CompactionPlan> next(List<TableSummary> live) {
        List<TableSummary> best = null;
        double bestAverage = Double.MAX_VALUE;
        for (List<TableSummary> bucket : buckets(live)) {
            if (bucket.size() < options.minThreshold()) {
                continue;
            }
            // Sorted by size, so the trimmed bucket keeps its smallest tables.
            List<TableSummary> trimmed = bucket.subList(0, Math.min(bucket.size(), options.maxThreshold()));
            double average = trimmed.stream().mapToLong(TableSummary::bytes).average().orElse(0);
            if (average < bestAverage) {
                best = trimmed;
                bestAverage = average;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new CompactionPlan(best, 0, Long.MAX_VALUE));
    }

    /**
     * The tables grouped by similar size, each bucket sorted by size. Going through the tables from
     * the smallest, a table can only join the last bucket opened: any earlier bucket's average is
     * smaller, so a table that fits an earlier one fits the last one too.
     */
    List<List<TableSummary>> buckets(List<TableSummary> live) {
        List<TableSummary> bySize = new ArrayList<>(live);
        bySize.sort(Comparator.comparingLong(TableSummary::bytes).thenComparingLong(TableSummary::generation));
        List<List<TableSummary>> buckets = new ArrayList<>();
        List<TableSummary> current = null;
        double average = 0;
        for (TableSummary table : bySize) {
            if (current != null && fits(table.bytes(), average)) {
                average = (average * current.size() + table.bytes()) / (current.size() + 1);
                current.add(table);
            } else {
                current = new ArrayList<>();
                current.add(table);
                buckets.add(current);
                average = table.bytes();
            }
        }
        return buckets;
    }

    private boolean fits(long bytes, double average) {
        boolean similar = bytes > average * options.bucketLow() && bytes < average * options.bucketHigh();
        boolean bothSmall = bytes < options.smallTableBytes() && average < options.smallTableBytes();
        return similar || bothSmall;
    }
}
