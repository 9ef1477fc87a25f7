package io.modyn.storage.file.compaction;

import static io.modyn.storage.file.compaction.Records.delete;
import static io.modyn.storage.file.compaction.Records.describe;
import static io.modyn.storage.file.compaction.Records.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.storage.file.record.MergedRecords;
import io.modyn.storage.file.record.RecordIterator;
import io.modyn.storage.file.record.VersionedRecord;
import io.modyn.storage.file.sstable.SortedTable;
import io.modyn.storage.file.sstable.SortedTableOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class CompactorTest {

    private static final String KS = "ks";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    private DirectoryCompactionHost host;
    private Compactor compactor;
    private long sequence;

    @BeforeEach
    void open() {
        host = new DirectoryCompactionHost(directory, new SortedTableOptions(1024, SortedTableOptions.defaults().compression(), 10));
    }

    @AfterEach
    void close() {
        if (compactor != null) {
            compactor.close();
        }
        host.close();
    }

    /** Size-tiered with no small-table grouping, so tests choose buckets by size alone. */
    private static CompactionOptions sizeTiered() {
        return CompactionOptions.defaults().withBytesPerSecond(0).withSizeTiered(new SizeTieredOptions(4, 32, 0.5, 1.5, 0));
    }

    private SortedTable flush(String keyspace, int records, int valueBytes) throws IOException {
        List<VersionedRecord> batch = new ArrayList<>();
        int first = (int) sequence;
        for (int i = 0; i < records; i++) {
            batch.add(put(first + i, ++sequence, valueBytes));
        }
        return host.flush(keyspace, 0, batch);
    }

    @Test
    void sizeTieredMergesFourSimilarTablesAndLeavesTheLargerOne() throws IOException {
        SortedTable large = flush(KS, 400, 100);
        List<SortedTable> small = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            small.add(flush(KS, 10, 100));
        }
        compactor = new Compactor(host, sizeTiered());

        assertTrue(compactor.compactNow(KS));

        List<SortedTable> live = host.live(KS);
        assertEquals(2, live.size());
        assertTrue(live.contains(large));
        SortedTable output = live.stream().filter(t -> t != large).findFirst().orElseThrow();
        assertEquals(40, output.statistics().recordCount());
        assertEquals(0, output.level());
        assertEquals(1, compactor.compactions());
        assertEquals(small.stream().mapToLong(t -> t.statistics().fileBytes()).sum(), compactor.bytesRead());
        assertEquals(output.statistics().fileBytes(), compactor.bytesWritten());
        assertFalse(compactor.compactNow(KS), "two tables of different tiers: nothing due");
    }

    @Test
    void wakeCompactsInTheBackgroundOnANamedDaemonThread() throws Exception {
        compactor = new Compactor(host, sizeTiered());
        AtomicReference<Thread> worker = new AtomicReference<>();
        host.onNewTable = () -> worker.set(Thread.currentThread());
        for (int i = 0; i < 4; i++) {
            flush(KS, 10, 100);
            compactor.wake(KS);
        }
        assertTrue(compactor.awaitIdle(WAIT));
        assertEquals(1, host.live(KS).size());
        assertEquals(40, host.live(KS).get(0).statistics().recordCount());
        assertTrue(worker.get().getName().startsWith("modyn-compaction-"));
        assertTrue(worker.get().isDaemon());
    }

    @Test
    void keyspacesAreCompactedSideBySide() throws Exception {
        compactor = new Compactor(host, sizeTiered().withConcurrency(2));
        for (int i = 0; i < 4; i++) {
            flush("a", 10, 100);
            flush("b", 10, 100);
        }
        compactor.wakeAll();
        assertTrue(compactor.awaitIdle(WAIT));
        assertEquals(1, host.live("a").size());
        assertEquals(1, host.live("b").size());
        assertEquals(2, compactor.compactions());
    }

    @Test
    void leveledKeepsEachLevelFreeOfOverlapsAndTheDataIntact() throws IOException {
        compactor = new Compactor(host, sizeTiered().withLeveled(KS::equals).withLevels(new LeveledOptions(4, 4 * 1024, 4)));
        Random random = new Random(7);
        Map<Integer, VersionedRecord> newest = new TreeMap<>();
        for (int round = 0; round < 40; round++) {
            Map<Integer, VersionedRecord> batch = new TreeMap<>();
            for (int i = 0; i < 30; i++) {
                int n = random.nextInt(1500);
                VersionedRecord record = random.nextInt(8) == 0 ? delete(n, ++sequence) : put(n, ++sequence, 100);
                batch.put(n, record);
            }
            newest.putAll(batch);
            host.flush(KS, 0, List.copyOf(batch.values()));
            while (compactor.compactNow(KS)) {
                assertLevelsDoNotOverlap(host.live(KS));
            }
            assertTrue(host.live(KS).stream().filter(t -> t.level() == 0).count() < 4);
        }
        int deepest = host.live(KS).stream().mapToInt(SortedTable::level).max().orElse(0);
        assertTrue(deepest >= 2, "40 rounds of 3 KB at 4 KiB tables and fanout 4 reach level 2: " + deepest);
        for (int level = 1; level <= deepest; level++) {
            int l = level;
            long bytes = host.live(KS).stream().filter(t -> t.level() == l).mapToLong(t -> t.statistics().fileBytes()).sum();
            assertTrue(bytes <= new LeveledOptions(4, 4 * 1024, 4).maxBytes(level), "level " + level + " holds " + bytes);
        }
        List<VersionedRecord> expected = newest.values().stream().filter(r -> !r.isTombstone())
                .sorted(Comparator.comparing(VersionedRecord::key)).toList();
        assertEquals(describe(expected), describe(read(host.live(KS))));
        assertTrue(compactor.tombstonesPurged() > 0);
    }

    private static void assertLevelsDoNotOverlap(List<SortedTable> live) {
        Map<Integer, List<SortedTable>> levels = live.stream().filter(t -> t.level() > 0)
                .collect(Collectors.groupingBy(SortedTable::level));
        for (List<SortedTable> level : levels.values()) {
            List<SortedTable> byKey = new ArrayList<>(level);
            byKey.sort(Comparator.comparing(t -> t.statistics().minKey()));
            for (int i = 1; i < byKey.size(); i++) {
                assertTrue(byKey.get(i - 1).statistics().maxKey().compareTo(byKey.get(i).statistics().minKey()) < 0,
                        "level " + byKey.get(i).level() + " overlaps");
            }
        }
    }

    private static List<VersionedRecord> read(List<SortedTable> tables) {
        List<RecordIterator> sources = new ArrayList<>();
        for (SortedTable table : tables) {
            sources.add(table.all());
        }
        List<VersionedRecord> records = new ArrayList<>();
        try (MergedRecords merged = MergedRecords.of(sources, false, true)) {
            merged.forEachRemaining(records::add);
        }
        return records;
    }

    @Test
    void keyspacesNotNamedLeveledStaySizeTiered() throws IOException {
        compactor = new Compactor(host, sizeTiered().withLeveled("other"::equals));
        for (int i = 0; i < 4; i++) {
            flush(KS, 10, 100);
        }
        assertTrue(compactor.compactNow(KS));
        assertEquals(0, host.live(KS).get(0).level());
    }

    @Test
    void closeAbortsARunningCompactionAndDiscardsItsOutputs() throws Exception {
        // One byte a second: the compaction is certain to be waiting on its throttle when closed.
        compactor = new Compactor(host, sizeTiered().withBytesPerSecond(1));
        for (int i = 0; i < 4; i++) {
            flush(KS, 50, 100);
        }
        List<SortedTable> before = host.live(KS);
        Set<Path> files = Set.copyOf(host.files(KS));
        CountDownLatch writing = new CountDownLatch(1);
        host.onNewTable = writing::countDown;

        compactor.wake(KS);
        assertTrue(writing.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(1, compactor.running());
        long start = System.nanoTime();
        compactor.close();
        assertEquals(0, compactor.running());

        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "close waits for the abort, not the throttle");
        assertEquals(before, host.live(KS));
        assertEquals(files, Set.copyOf(host.files(KS)));
        assertEquals(0, compactor.compactions());
        assertEquals(0, compactor.failures(), "an abort is not a failure");
        assertEquals(0, host.replaces.get());
        assertFalse(compactor.compactNow(KS));
        compactor.wake(KS);
        assertTrue(compactor.awaitIdle(Duration.ZERO));
    }

    @Test
    void compactionRefusedByTheHostLeavesNoFileBehind() throws IOException {
        compactor = new Compactor(host, sizeTiered());
        for (int i = 0; i < 4; i++) {
            flush(KS, 10, 100);
        }
        host.onNewTable = () -> host.drop(KS);

        assertFalse(compactor.compactNow(KS));

        assertEquals(0, compactor.compactions());
        assertEquals(1, host.replaces.get());
        assertEquals(List.of(), host.files(KS));
    }

    @Test
    void aFailedBackgroundCompactionIsTriedAgainWithoutAFlush() throws Exception {
        compactor = new Compactor(host, sizeTiered(), Duration.ofMillis(100));
        for (int i = 0; i < 4; i++) {
            flush(KS, 10, 100);
        }
        AtomicInteger attempts = new AtomicInteger();
        host.onNewTable = () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IOException("disk full");
            }
        };
        compactor.wake(KS);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (compactor.compactions() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, compactor.failures());
        assertEquals(1, compactor.compactions());
        assertEquals(1, host.live(KS).size());
    }

    @Test
    void aFailedBackgroundCompactionIsCountedAndRetriedOnTheNextWake() throws Exception {
        compactor = new Compactor(host, sizeTiered());
        for (int i = 0; i < 4; i++) {
            flush(KS, 10, 100);
        }
        List<SortedTable> before = host.live(KS);
        host.onNewTable = () -> {
            throw new IOException("disk full");
        };
        compactor.wake(KS);
        assertTrue(compactor.awaitIdle(WAIT));
        assertEquals(1, compactor.failures());
        assertEquals(before, host.live(KS));

        host.onNewTable = () -> { };
        compactor.wake(KS);
        assertTrue(compactor.awaitIdle(WAIT));
        assertEquals(1, host.live(KS).size());
        assertEquals(1, compactor.compactions());
    }

    @Test
    void aTableOfTombstonesWithNothingOlderBesideItIsRewrittenWithoutThem() throws IOException {
        List<VersionedRecord> records = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            records.add(i % 2 == 0 ? put(i, ++sequence, 100) : delete(i, ++sequence));
        }
        SortedTable deletes = host.flush(KS, 0, records);
        SortedTable newer = flush(KS, 10, 100);
        compactor = new Compactor(host, sizeTiered());

        assertTrue(compactor.compactNow(KS));

        assertEquals(2, host.live(KS).size());
        assertTrue(host.live(KS).contains(newer));
        assertFalse(host.live(KS).contains(deletes));
        SortedTable rewritten = host.live(KS).stream().filter(t -> t != newer).findFirst().orElseThrow();
        assertEquals(20, rewritten.statistics().recordCount());
        assertEquals(0, rewritten.statistics().tombstoneCount());
        assertEquals(20, compactor.tombstonesPurged());
        assertFalse(compactor.compactNow(KS), "the rewrite holds no tombstone: cleanup does not loop");
    }

    @Test
    void tombstonesShadowingAnOlderTableAreNotRewrittenInVain() throws IOException {
        SortedTable older = flush(KS, 10, 100);
        List<VersionedRecord> deletes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            deletes.add(delete(i, ++sequence));
        }
        host.flush(KS, 0, deletes);
        compactor = new Compactor(host, sizeTiered());

        assertFalse(compactor.compactNow(KS));
        assertEquals(2, host.live(KS).size());
        assertTrue(host.live(KS).contains(older));
    }

    @Test
    void closeAbortsACompactionRunningInTheCallersThread() throws Exception {
        compactor = new Compactor(host, sizeTiered().withBytesPerSecond(1));
        for (int i = 0; i < 4; i++) {
            flush(KS, 50, 100);
        }
        List<SortedTable> before = host.live(KS);
        CountDownLatch writing = new CountDownLatch(1);
        host.onNewTable = writing::countDown;
        AtomicReference<Object> result = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                result.set(compactor.compactNow(KS));
            } catch (IOException | RuntimeException e) {
                result.set(e);
            }
        });
        caller.start();
        assertTrue(writing.await(WAIT.toSeconds(), TimeUnit.SECONDS));

        compactor.close();
        caller.join(WAIT.toMillis());

        assertEquals(Boolean.FALSE, result.get());
        assertEquals(0, compactor.failures());
        assertEquals(before, host.live(KS));
        assertEquals(0, host.replaces.get());
    }

    @Test
    void aKeyspaceDroppedDuringItsCompactionIsNoFailure() throws Exception {
        compactor = new Compactor(host, sizeTiered());
        for (int i = 0; i < 4; i++) {
            flush(KS, 10, 100);
        }
        // As the engine does, the host refuses new tables of a dropped keyspace.
        host.onNewTable = () -> {
            host.drop(KS);
            throw new IOException("keyspace " + KS + " was dropped");
        };
        compactor.wake(KS);
        assertTrue(compactor.awaitIdle(WAIT));
        assertEquals(0, compactor.failures());
        assertEquals(List.of(), host.files(KS));
    }
}
