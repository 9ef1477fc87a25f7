package io.modyn.storage.file.compaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.storage.file.record.OrderedKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LeveledStrategyTest {

    private final LeveledStrategy strategy = new LeveledStrategy(new LeveledOptions(4, 1000, 10));

    private static OrderedKey key(long token) {
        return OrderedKey.firstOfToken(token);
    }

    private static TableSummary table(long generation, int level, long bytes, long from, long to) {
        return new TableSummary(generation, level, bytes, key(from), key(to));
    }

    private static Set<Long> generations(CompactionPlan plan) {
        return plan.inputs().stream().map(TableSummary::generation).collect(Collectors.toSet());
    }

    @Test
    void levelZeroWaitsForItsTrigger() {
        assertTrue(strategy.next(List.of(table(1, 0, 100, 0, 99), table(2, 0, 100, 0, 99), table(3, 0, 100, 0, 99))).isEmpty());
    }

    @Test
    void levelZeroIsMergedWithTheLevelOneTablesItOverlaps() {
        List<TableSummary> live = List.of(
                table(1, 0, 100, 10, 20), table(2, 0, 100, 15, 30), table(3, 0, 100, 12, 25), table(4, 0, 100, 20, 40),
                table(5, 1, 900, 0, 9), table(6, 1, 900, 11, 19), table(7, 1, 900, 35, 60), table(8, 1, 900, 61, 90));
        CompactionPlan plan = strategy.next(live).orElseThrow();
        assertEquals(Set.of(1L, 2L, 3L, 4L, 6L, 7L), generations(plan));
        assertEquals(1, plan.outputLevel());
        assertEquals(1000, plan.maxOutputBytes());
    }

    @Test
    void atMostThirtyTwoOldestFlushesAreMergedAtOnce() {
        List<TableSummary> live = new ArrayList<>();
        for (long g = 40; g >= 1; g--) {
            live.add(table(g, 0, 10, 0, 100));
        }
        CompactionPlan plan = strategy.next(live).orElseThrow();
        assertEquals(32, plan.inputs().size());
        assertTrue(generations(plan).stream().allMatch(g -> g <= 32));
    }

    @Test
    void aFullLevelPushesOneTableIntoTheNextRoundRobin() {
        // Level 1 may hold 10 x 1000 bytes; it holds 12 x 1000.
        List<TableSummary> live = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            live.add(table(100 + i, 1, 1000, i * 10L, i * 10L + 9));
        }
        live.add(table(200, 2, 1000, 0, 14));
        live.add(table(201, 2, 1000, 15, 200));
        CompactionPlan first = strategy.next(live).orElseThrow();
        assertEquals(Set.of(100L, 200L), generations(first));
        assertEquals(2, first.outputLevel());
        CompactionPlan second = strategy.next(live).orElseThrow();
        assertEquals(Set.of(101L, 200L, 201L), generations(second));
        CompactionPlan third = strategy.next(live).orElseThrow();
        assertEquals(Set.of(102L, 201L), generations(third));
    }

    @Test
    void theRoundRobinWrapsAroundAfterTheLastTable() {
        List<TableSummary> live = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            live.add(table(100 + i, 1, 1000, i * 10L, i * 10L + 9));
        }
        for (int i = 0; i < 11; i++) {
            strategy.next(live).orElseThrow();
        }
        assertEquals(Set.of(100L), generations(strategy.next(live).orElseThrow()));
    }

    @Test
    void theFullestLevelGoesFirst() {
        List<TableSummary> live = new ArrayList<>();
        for (long g = 1; g <= 4; g++) {
            live.add(table(g, 0, 10, 0, 100)); // score 1
        }
        for (int i = 0; i < 30; i++) {
            live.add(table(100 + i, 1, 1000, i * 10L, i * 10L + 9)); // score 3
        }
        assertEquals(2, strategy.next(live).orElseThrow().outputLevel());
    }

    @Test
    void levelsWithinBudgetNeedNothing() {
        List<TableSummary> live = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            live.add(table(100 + i, 1, 1000, i * 10L, i * 10L + 9));
        }
        live.add(table(1, 0, 10, 0, 100));
        assertTrue(strategy.next(live).isEmpty());
    }
}
