package io.modyn.storage.file.compaction;

import static io.modyn.storage.file.compaction.Records.all;
import static io.modyn.storage.file.compaction.Records.delete;
import static io.modyn.storage.file.compaction.Records.describe;
import static io.modyn.storage.file.compaction.Records.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.storage.file.record.VersionedRecord;
import io.modyn.storage.file.sstable.SortedTable;
import io.modyn.storage.file.sstable.SortedTableOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompactionTaskTest {

    private static final String KS = "ks";

    @TempDir
    Path directory;

    private DirectoryCompactionHost host;
    private final ByteRateLimiter unlimited = new ByteRateLimiter(0);
    /** Tables the test retained, as the compactor retains the live set around a task. */
    private final List<SortedTable> retained = new ArrayList<>();

    @BeforeEach
    void open() {
        host = new DirectoryCompactionHost(directory, new SortedTableOptions(1024, SortedTableOptions.defaults().compression(), 10));
    }

    @AfterEach
    void close() {
        retained.forEach(SortedTable::release);
        host.close();
    }

    private List<SortedTable> retain(List<SortedTable> tables) {
        for (SortedTable table : tables) {
            assertTrue(table.retain());
            retained.add(table);
        }
        return tables;
    }

    private CompactionTask.Outcome compact(List<SortedTable> inputs, List<SortedTable> others, long maxOutputBytes, int level)
            throws Exception {
        return compact(inputs, others, maxOutputBytes, level, unlimited, () -> false);
    }

    private CompactionTask.Outcome compact(List<SortedTable> inputs, List<SortedTable> others, long maxOutputBytes, int level,
            ByteRateLimiter limiter, java.util.function.BooleanSupplier aborted) throws Exception {
        List<TableSummary> summaries = inputs.stream().map(t -> new TableSummary(t.generation(), t.level(),
                t.statistics().fileBytes(), t.statistics().minKey(), t.statistics().maxKey())).toList();
        return new CompactionTask(host, KS, new CompactionPlan(summaries, level, maxOutputBytes), retain(inputs), retain(others),
                limiter, aborted).run();
    }

    private static List<VersionedRecord> sorted(VersionedRecord... records) {
        List<VersionedRecord> list = new ArrayList<>(List.of(records));
        list.sort(Comparator.comparing(VersionedRecord::key));
        return list;
    }

    private static long sstFiles(List<Path> files) {
        return files.stream().filter(f -> f.getFileName().toString().endsWith(".sst")).count();
    }

    @Test
    void newestVersionOfEachKeyWinsAndSequencesAndTimesCarryOver() throws Exception {
        SortedTable a = host.flush(KS, 0, List.of(put(1, 1), put(2, 2), put(3, 3)));
        SortedTable b = host.flush(KS, 0, List.of(put(1, 7), put(4, 4)));
        SortedTable c = host.flush(KS, 0, List.of(put(2, 9), put(5, 5)));

        CompactionTask.Outcome outcome = compact(List.of(a, b, c), List.of(), Long.MAX_VALUE, 0);

        assertTrue(outcome.replaced());
        List<SortedTable> live = host.live(KS);
        assertEquals(1, live.size());
        SortedTable output = live.get(0);
        assertEquals(describe(sorted(put(1, 7), put(2, 9), put(3, 3), put(4, 4), put(5, 5))), describe(all(output)));
        assertEquals(3, output.statistics().minSequence());
        assertEquals(9, output.statistics().maxSequence());
        // The time range is the inputs', the dropped version's included: conservative, never too narrow.
        assertEquals(1000, output.statistics().minTimeMillis());
        assertEquals(9000, output.statistics().maxTimeMillis());
        assertEquals(5, outcome.recordsWritten());
        assertEquals(a.statistics().fileBytes() + b.statistics().fileBytes() + c.statistics().fileBytes(), outcome.bytesRead());
        assertEquals(output.statistics().fileBytes(), outcome.bytesWritten());
    }

    @Test
    void replacedInputFilesGoOnceTheirLastReaderLetsGo() throws Exception {
        SortedTable a = host.flush(KS, 0, List.of(put(1, 1)));
        SortedTable b = host.flush(KS, 0, List.of(put(2, 2)));
        compact(List.of(a, b), List.of(), Long.MAX_VALUE, 0);
        assertTrue(Files.exists(a.file()), "still retained by the test, as by a reader");
        retained.forEach(SortedTable::release);
        retained.clear();
        assertFalse(Files.exists(a.file()));
        assertFalse(Files.exists(b.file()));
        assertEquals(1, sstFiles(host.files(KS)));
    }

    @Test
    void leveledOutputsAreSplitAtTheTargetSizeAndDoNotOverlap() throws Exception {
        List<VersionedRecord> first = new ArrayList<>();
        List<VersionedRecord> second = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            (i % 2 == 0 ? first : second).add(put(i, i + 1, 100));
        }
        SortedTable a = host.flush(KS, 0, first);
        SortedTable b = host.flush(KS, 0, second);

        compact(List.of(a, b), List.of(), 8 * 1024, 1);

        List<SortedTable> outputs = new ArrayList<>(host.live(KS));
        assertTrue(outputs.size() >= 4, "40 KB of values split at 8 KiB: " + outputs.size());
        outputs.sort(Comparator.comparing(t -> t.statistics().minKey()));
        List<VersionedRecord> merged = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            SortedTable output = outputs.get(i);
            assertEquals(1, output.level());
            if (i > 0) {
                assertTrue(outputs.get(i - 1).statistics().maxKey().compareTo(output.statistics().minKey()) < 0);
            }
            merged.addAll(all(output));
        }
        List<VersionedRecord> expected = new ArrayList<>(first);
        expected.addAll(second);
        expected.sort(Comparator.comparing(VersionedRecord::key));
        assertEquals(describe(expected), describe(merged));
    }

    @Test
    void tombstoneIsPurgedWhenNoTableOutsideTheInputsMightHoldTheKey() throws Exception {
        SortedTable old = host.flush(KS, 0, List.of(put(1, 1), put(2, 2)));
        SortedTable deletes = host.flush(KS, 0, List.of(delete(1, 5), delete(3, 6)));

        CompactionTask.Outcome outcome = compact(List.of(old, deletes), List.of(), Long.MAX_VALUE, 0);

        assertEquals(2, outcome.tombstonesPurged());
        assertEquals(describe(List.of(put(2, 2))), describe(all(host.live(KS).get(0))));
    }

    @Test
    void tombstoneIsKeptWhileAnOlderTableOutsideTheInputsMightHoldTheKey() throws Exception {
        SortedTable outside = host.flush(KS, 0, List.of(put(1, 1), put(9, 2)));
        SortedTable newer = host.flush(KS, 0, List.of(put(2, 3)));
        SortedTable deletes = host.flush(KS, 0, List.of(delete(1, 5)));

        CompactionTask.Outcome outcome = compact(List.of(newer, deletes), List.of(outside), Long.MAX_VALUE, 0);

        assertEquals(0, outcome.tombstonesPurged());
        SortedTable output = host.live(KS).stream().filter(t -> t != outside).findFirst().orElseThrow();
        assertEquals(describe(sorted(delete(1, 5), put(2, 3))), describe(all(output)));
        assertEquals(1, output.statistics().tombstoneCount());
    }

    @Test
    void tombstoneIsPurgedWhenTheTableOutsideIsNewerThanIt() throws Exception {
        SortedTable old = host.flush(KS, 0, List.of(put(1, 1)));
        SortedTable deletes = host.flush(KS, 0, List.of(delete(1, 5)));
        SortedTable outside = host.flush(KS, 0, List.of(put(1, 8)));

        CompactionTask.Outcome outcome = compact(List.of(old, deletes), List.of(outside), Long.MAX_VALUE, 0);

        assertEquals(1, outcome.tombstonesPurged());
        assertEquals(List.of(outside), host.live(KS));
    }

    @Test
    void tombstoneIsPurgedWhenTheTableOutsideCannotHoldTheKey() throws Exception {
        // Keys order by token: find one key outside the outside table's range.
        List<VersionedRecord> outsideRecords = new ArrayList<>();
        for (int n = 100; n < 110; n++) {
            outsideRecords.add(put(n, 1));
        }
        SortedTable outside = host.flush(KS, 0, outsideRecords);
        int beyond = 0;
        while (Records.key(beyond).compareTo(outside.statistics().minKey()) >= 0
                && Records.key(beyond).compareTo(outside.statistics().maxKey()) <= 0) {
            beyond++;
        }
        assertFalse(outside.mightContain(Records.key(beyond)));
        SortedTable deletes = host.flush(KS, 0, List.of(delete(beyond, 5)));
        SortedTable other = host.flush(KS, 0, List.of(put(beyond, 2)));

        CompactionTask.Outcome outcome = compact(List.of(deletes, other), List.of(outside), Long.MAX_VALUE, 0);

        assertEquals(1, outcome.tombstonesPurged());
        assertEquals(List.of(outside), host.live(KS));
    }

    @Test
    void abortedCompactionDiscardsItsOutputsAndChangesNothing() throws Exception {
        List<VersionedRecord> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(put(i, i + 1, 100));
        }
        SortedTable a = host.flush(KS, 0, many.subList(0, 150));
        SortedTable b = host.flush(KS, 0, many.subList(150, 300));
        AtomicInteger checks = new AtomicInteger();

        assertThrows(CompactionAbortedException.class,
                () -> compact(List.of(a, b), List.of(), 4 * 1024, 1, unlimited, () -> checks.incrementAndGet() > 200));

        assertEquals(List.of(a, b), host.live(KS));
        assertEquals(0, host.replaces.get());
        assertEquals(List.of(a.file(), b.file()), host.files(KS).stream().sorted().toList());
    }

    @Test
    void refusedReplaceDiscardsTheOutputs() throws Exception {
        SortedTable a = host.flush(KS, 0, List.of(put(1, 1)));
        SortedTable b = host.flush(KS, 0, List.of(put(2, 2)));
        // The keyspace is dropped while the compaction writes, so its inputs are no longer live.
        host.onNewTable = () -> host.drop(KS);

        CompactionTask.Outcome outcome = compact(List.of(a, b), List.of(), Long.MAX_VALUE, 0);

        assertFalse(outcome.replaced());
        assertEquals(1, host.replaces.get());
        assertEquals(List.of(a.file(), b.file()), host.files(KS).stream().sorted().toList());
        retained.forEach(SortedTable::release);
        retained.clear();
        assertEquals(List.of(), host.files(KS));
    }

    @Test
    void failedWriteDiscardsTheOutputsAlreadyFinished() throws Exception {
        List<VersionedRecord> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(put(i, i + 1, 100));
        }
        SortedTable a = host.flush(KS, 0, many);
        SortedTable b = host.flush(KS, 0, List.of(put(1000, 999)));
        AtomicInteger opened = new AtomicInteger();
        host.onNewTable = () -> {
            if (opened.incrementAndGet() == 3) {
                throw new IOException("disk full");
            }
        };

        assertThrows(IOException.class, () -> compact(List.of(a, b), List.of(), 4 * 1024, 1));

        assertEquals(List.of(a, b), host.live(KS));
        assertEquals(List.of(a.file(), b.file()), host.files(KS).stream().sorted().toList());
    }

    @Test
    void everyByteWrittenIsTakenFromTheRateLimiter() throws Exception {
        List<VersionedRecord> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(put(i, i + 1, 100));
        }
        SortedTable a = host.flush(KS, 0, many.subList(0, 100));
        SortedTable b = host.flush(KS, 0, many.subList(100, 200));
        // At a billion bytes a second on a clock that stands still, the bucket never runs dry, and
        // the wait it then asks for a full second's bytes is, in nanoseconds, the bytes taken.
        long rate = 1_000_000_000L;
        ByteRateLimiter limiter = new ByteRateLimiter(rate, () -> 0L);

        CompactionTask.Outcome outcome = compact(List.of(a, b), List.of(), 4 * 1024, 1, limiter, () -> false);

        long outputBytes = host.live(KS).stream().mapToLong(t -> t.statistics().fileBytes()).sum();
        assertEquals(outputBytes, outcome.bytesWritten());
        assertEquals(outputBytes, limiter.reserve(rate));
    }
}
