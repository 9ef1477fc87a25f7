package io.modyn.storage.file.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MergedRecordsTest {

    /** Keys order by token first, so tests sort with {@link #sorted} rather than by partition number. */
    private static OrderedKey key(int partition) {
        return OrderedKey.of(new byte[] {(byte) (partition >> 8), (byte) partition}, new byte[0]);
    }

    private static VersionedRecord put(int partition, long sequence) {
        return new VersionedRecord(key(partition), sequence, new byte[] {(byte) sequence});
    }

    private static VersionedRecord delete(int partition, long sequence) {
        return VersionedRecord.tombstone(key(partition), sequence);
    }

    private static List<VersionedRecord> drain(RecordIterator iterator) {
        List<VersionedRecord> out = new ArrayList<>();
        iterator.forEachRemaining(out::add);
        return out;
    }

    private static List<VersionedRecord> sorted(boolean descending, VersionedRecord... records) {
        List<VersionedRecord> list = new ArrayList<>(List.of(records));
        Comparator<VersionedRecord> byKey = Comparator.comparing(VersionedRecord::key);
        list.sort(descending ? byKey.reversed() : byKey);
        return list;
    }

    @Test
    void newestSequenceWinsWhateverSourceHoldsIt() {
        VersionedRecord old = put(1, 5);
        VersionedRecord newer = put(1, 9);
        VersionedRecord other = put(2, 3);
        try (MergedRecords merged = MergedRecords.of(List.of(
                new ListRecordIterator(sorted(false, old, other)), ListRecordIterator.of(newer)), false, false)) {
            assertEquals(sorted(false, newer, other), drain(merged));
        }
        try (MergedRecords merged = MergedRecords.of(List.of(
                ListRecordIterator.of(newer), new ListRecordIterator(sorted(false, old, other))), false, false)) {
            assertEquals(sorted(false, newer, other), drain(merged));
        }
    }

    @Test
    void descendingMergeYieldsKeysInReverseOrder() {
        VersionedRecord a = put(1, 1);
        VersionedRecord b = put(2, 7);
        VersionedRecord bOld = put(2, 2);
        VersionedRecord c = put(3, 4);
        try (MergedRecords merged = MergedRecords.of(List.of(
                new ListRecordIterator(sorted(true, a, bOld)), new ListRecordIterator(sorted(true, b, c))), true, false)) {
            assertEquals(sorted(true, a, b, c), drain(merged));
        }
    }

    @Test
    void tombstonesAreKeptOrHidden() {
        VersionedRecord live = put(1, 1);
        VersionedRecord deleted = delete(1, 2);
        VersionedRecord other = put(2, 1);
        try (MergedRecords merged = MergedRecords.of(List.of(
                new ListRecordIterator(sorted(false, live, other)), ListRecordIterator.of(deleted)), false, false)) {
            assertEquals(sorted(false, deleted, other), drain(merged));
        }
        try (MergedRecords merged = MergedRecords.of(List.of(
                new ListRecordIterator(sorted(false, live, other)), ListRecordIterator.of(deleted)), false, true)) {
            assertEquals(List.of(other), drain(merged));
        }
    }

    @Test
    void olderTombstoneDoesNotHideNewerValue() {
        VersionedRecord deleted = delete(1, 2);
        VersionedRecord rewritten = put(1, 3);
        try (MergedRecords merged = MergedRecords.of(List.of(
                ListRecordIterator.of(deleted), ListRecordIterator.of(rewritten)), false, true)) {
            assertEquals(List.of(rewritten), drain(merged));
        }
    }

    @Test
    void equalSequencesGoToTheEarlierSource() {
        VersionedRecord first = new VersionedRecord(key(1), 4, new byte[] {1});
        VersionedRecord second = new VersionedRecord(key(1), 4, new byte[] {2});
        try (MergedRecords merged = MergedRecords.of(List.of(
                ListRecordIterator.of(first), ListRecordIterator.of(second)), false, false)) {
            assertSame(first, merged.next());
            assertFalse(merged.hasNext());
        }
    }

    @Test
    void matchesAMapOfNewestVersionsOnRandomInput() {
        Random random = new Random(42);
        for (boolean descending : new boolean[] {false, true}) {
            TreeMap<OrderedKey, VersionedRecord> newest = new TreeMap<>();
            List<RecordIterator> sources = new ArrayList<>();
            long sequence = 1;
            for (int s = 0; s < 7; s++) {
                TreeMap<OrderedKey, VersionedRecord> source = new TreeMap<>();
                for (int i = 0; i < 200; i++) {
                    int partition = random.nextInt(500);
                    VersionedRecord record = random.nextInt(5) == 0
                            ? delete(partition, sequence++) : put(partition, sequence++);
                    source.put(record.key(), record);
                    newest.put(record.key(), record);
                }
                List<VersionedRecord> ordered = new ArrayList<>(source.values());
                if (descending) {
                    Collections.reverse(ordered);
                }
                sources.add(new ListRecordIterator(ordered));
            }
            List<VersionedRecord> expected = new ArrayList<>(newest.values().stream().filter(r -> !r.isTombstone()).toList());
            if (descending) {
                Collections.reverse(expected);
            }
            try (MergedRecords merged = MergedRecords.of(sources, descending, true)) {
                assertEquals(expected, drain(merged));
            }
        }
    }

    @Test
    void closeClosesEverySourceOnceEvenWhenOneFails() {
        ListRecordIterator first = ListRecordIterator.of(put(1, 1));
        ListRecordIterator last = ListRecordIterator.of(put(2, 1));
        RecordIterator failing = new RecordIterator() {
            @Override
            public boolean hasNext() {
                return false;
            }

            @Override
            public VersionedRecord next() {
                throw new NoSuchElementException();
            }

            @Override
            public void close() {
                throw new IllegalStateException("close failed");
            }
        };
        MergedRecords merged = MergedRecords.of(List.of(first, failing, last), false, false);
        assertTrue(merged.hasNext());
        assertThrows(IllegalStateException.class, merged::close);
        assertTrue(first.closed());
        assertTrue(last.closed());
        merged.close();
        assertEquals(1, first.closeCount());
        assertFalse(merged.hasNext());
        assertThrows(NoSuchElementException.class, merged::next);
    }

    @Test
    void emptyMergeYieldsNothing() {
        try (MergedRecords merged = MergedRecords.of(List.of(), false, true)) {
            assertFalse(merged.hasNext());
        }
        try (MergedRecords merged = MergedRecords.of(List.of(ListRecordIterator.of()), true, true)) {
            assertFalse(merged.hasNext());
        }
    }
}
