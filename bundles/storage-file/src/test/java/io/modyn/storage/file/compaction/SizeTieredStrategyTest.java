package io.modyn.storage.file.compaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.storage.file.record.OrderedKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SizeTieredStrategyTest {

    private static final OrderedKey LOW = OrderedKey.firstOfToken(Long.MIN_VALUE);
    private static final OrderedKey HIGH = OrderedKey.firstOfToken(Long.MAX_VALUE);

    /** Small-table grouping at 1000 bytes, so tests choose which tables count as small. */
    private final SizeTieredStrategy strategy = new SizeTieredStrategy(new SizeTieredOptions(4, 32, 0.5, 1.5, 1000));

    private static TableSummary table(long generation, long bytes) {
        return new TableSummary(generation, 0, bytes, LOW, HIGH);
    }

    private static Set<Long> generations(CompactionPlan plan) {
        return plan.inputs().stream().map(TableSummary::generation).collect(Collectors.toSet());
    }

    @Test
    void nothingIsDueBelowTheMinThreshold() {
        assertTrue(strategy.next(List.of(table(1, 10_000), table(2, 11_000), table(3, 9_000))).isEmpty());
    }

    @Test
    void fourSimilarTablesAreMergedIntoLevelZero() {
        CompactionPlan plan = strategy.next(List.of(table(1, 10_000), table(2, 11_000), table(3, 9_000), table(4, 12_000)))
                .orElseThrow();
        assertEquals(Set.of(1L, 2L, 3L, 4L), generations(plan));
        assertEquals(0, plan.outputLevel());
        assertEquals(Long.MAX_VALUE, plan.maxOutputBytes());
    }

    @Test
    void tablesOfDifferentSizesFallInDifferentBuckets() {
        List<TableSummary> live = List.of(table(1, 10_000), table(2, 10_000), table(3, 10_000),
                table(4, 100_000), table(5, 100_000), table(6, 100_000));
        assertEquals(List.of(3, 3), strategy.buckets(live).stream().map(List::size).toList());
        assertTrue(strategy.next(live).isEmpty());
    }

    @Test
    void smallTablesShareABucketWhateverTheirRatio() {
        List<TableSummary> live = List.of(table(1, 10), table(2, 900), table(3, 50), table(4, 400), table(5, 100_000));
        CompactionPlan plan = strategy.next(live).orElseThrow();
        assertEquals(Set.of(1L, 2L, 3L, 4L), generations(plan));
    }

    @Test
    void theBucketOfSmallestTablesGoesFirst() {
        List<TableSummary> live = new ArrayList<>();
        for (long g = 1; g <= 4; g++) {
            live.add(table(g, 1_000_000));
            live.add(table(10 + g, 20_000));
        }
        assertEquals(Set.of(11L, 12L, 13L, 14L), generations(strategy.next(live).orElseThrow()));
    }

    @Test
    void aLargeBucketIsTrimmedToItsSmallestTablesAtTheMaxThreshold() {
        List<TableSummary> live = new ArrayList<>();
        for (long g = 1; g <= 40; g++) {
            live.add(table(g, 10_000 + g));
        }
        CompactionPlan plan = strategy.next(live).orElseThrow();
        assertEquals(32, plan.inputs().size());
        assertTrue(generations(plan).stream().allMatch(g -> g <= 32));
    }

    @Test
    void bucketBoundsFollowTheRunningAverage() {
        // 100 opens a bucket; 149 joins (below 1.5 x 100); 180 is below 1.5 x 124.5 and joins, though above 1.5 x 100;
        // 300 is above 1.5 x 143 and opens a second bucket.
        List<List<TableSummary>> buckets = new SizeTieredStrategy(new SizeTieredOptions(4, 32, 0.5, 1.5, 0))
                .buckets(List.of(table(1, 100), table(2, 149), table(3, 180), table(4, 300)));
        assertEquals(List.of(3, 1), buckets.stream().map(List::size).toList());
    }
}
