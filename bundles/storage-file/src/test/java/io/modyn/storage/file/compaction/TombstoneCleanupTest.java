package io.modyn.storage.file.compaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.storage.file.record.OrderedKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class TombstoneCleanupTest {

    private static TableSummary table(long generation, int level, long from, long to, long records, long tombstones, long minSequence,
            long maxSequence) {
        return new TableSummary(generation, level, 1000, OrderedKey.firstOfToken(from), OrderedKey.firstOfToken(to), records, tombstones,
                minSequence, maxSequence);
    }

    @Test
    void aTableOfTombstonesWithNothingOlderBesideItIsRewrittenAloneAtItsLevel() {
        TableSummary deletes = table(1, 3, 0, 100, 10, 5, 1, 10);
        TableSummary newer = table(2, 0, 0, 100, 10, 0, 11, 20);
        CompactionPlan plan = TombstoneCleanup.next(List.of(deletes, newer), 0.2).orElseThrow();
        assertEquals(List.of(deletes), plan.inputs());
        assertEquals(3, plan.outputLevel());
    }

    @Test
    void anOlderOverlappingTableKeepsTheTombstonesWhereTheyAre() {
        TableSummary deletes = table(1, 0, 0, 100, 10, 5, 5, 10);
        TableSummary older = table(2, 0, 50, 150, 10, 0, 1, 4);
        assertTrue(TombstoneCleanup.next(List.of(deletes, older), 0.2).isEmpty());
    }

    @Test
    void anOlderTableOutsideTheKeyRangeDoesNotCount() {
        TableSummary deletes = table(1, 2, 0, 100, 10, 5, 5, 10);
        TableSummary olderElsewhere = table(2, 2, 101, 200, 10, 0, 1, 4);
        assertEquals(List.of(deletes), TombstoneCleanup.next(List.of(deletes, olderElsewhere), 0.2).orElseThrow().inputs());
    }

    @Test
    void tablesBelowTheThresholdAreLeftAlone() {
        assertTrue(TombstoneCleanup.next(List.of(table(1, 0, 0, 100, 10, 1, 1, 10)), 0.2).isEmpty());
        assertTrue(TombstoneCleanup.next(List.of(table(1, 0, 0, 100, 10, 0, 1, 10)), 0.2).isEmpty());
    }

    @Test
    void theTableWithTheMostTombstonesGoesFirst() {
        TableSummary some = table(1, 1, 0, 100, 10, 3, 1, 10);
        TableSummary most = table(2, 1, 200, 300, 10, 9, 1, 10);
        assertEquals(List.of(most), TombstoneCleanup.next(List.of(some, most), 0.2).orElseThrow().inputs());
    }

    @Test
    void zeroThresholdDisablesCleanup() {
        assertTrue(TombstoneCleanup.next(List.of(table(1, 0, 0, 100, 10, 10, 1, 10)), 0).isEmpty());
    }
}
