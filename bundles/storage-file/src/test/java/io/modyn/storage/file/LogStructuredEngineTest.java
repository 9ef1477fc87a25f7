package io.modyn.storage.file;

import static io.modyn.storage.file.TestData.contents;
import static io.modyn.storage.file.TestData.copyAsCrashed;
import static io.modyn.storage.file.TestData.delete;
import static io.modyn.storage.file.TestData.get;
import static io.modyn.storage.file.TestData.put;
import static io.modyn.storage.file.TestData.text;
import static io.modyn.storage.file.TestData.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageException;
import io.modyn.api.storage.StorageRecord;
import io.modyn.api.storage.StorageTransaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The log-structured engine's own promises: flushes, tombstones, merged reads, budget, replay, snapshots. */
class LogStructuredEngineTest {

    @TempDir
    Path data;

    @TempDir
    Path crashed;

    private static FileStorageEngine open(Path directory, long memtableBudget) {
        return FileStorageEngine.open(FileStorageOptions.defaults(directory).withSegmentSize(64 * 1024).withMemtableBudget(memtableBudget));
    }

    private FileStorageEngine open() {
        return open(data, 32L << 20);
    }

    private static List<Path> tables(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory.resolve("tables"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".sst")).toList();
        }
    }

    private static List<String> query(FileStorageEngine engine, String keyspace, String partition, boolean descending) {
        List<String> lines = new ArrayList<>();
        try (RecordCursor cursor = engine.query(keyspace, utf8(partition), KeyRange.all(), descending)) {
            while (cursor.hasNext()) {
                StorageRecord r = cursor.next();
                lines.add(text(r.sort()) + "=" + text(r.value()));
            }
        }
        return lines;
    }

    @Test
    void tombstonesShadowFlushedRecordsInEveryRead() throws IOException {
        try (FileStorageEngine engine = open()) {
            engine.createKeyspace("t");
            put(engine, "t", "p", "a", "1");
            put(engine, "t", "p", "b", "2");
            put(engine, "t", "p", "c", "3");
            assertTrue(engine.flush());
            delete(engine, "t", "p", "b");
            put(engine, "t", "p", "c", "3 again");
            assertNull(get(engine, "t", "p", "b"), "the memtable's tombstone hides the table's record");
            assertEquals(List.of("a=1", "c=3 again"), query(engine, "t", "p", false));
            assertEquals(List.of("c=3 again", "a=1"), query(engine, "t", "p", true));
            assertEquals(List.of("p/a=1", "p/c=3 again"), contents(engine, "t"));
            assertTrue(engine.flush());
            assertNull(get(engine, "t", "p", "b"), "the newer table's tombstone hides the older table's record");
            assertEquals(List.of("a=1", "c=3 again"), query(engine, "t", "p", false));
        }
        try (FileStorageEngine engine = open()) {
            assertNull(get(engine, "t", "p", "b"));
            assertEquals(List.of("p/a=1", "p/c=3 again"), contents(engine, "t"));
        }
    }

    @Test
    void replayAppliesOnlyWhatFollowsTheFlush() throws IOException {
        try (FileStorageEngine engine = open()) {
            engine.createKeyspace("t");
            for (int i = 0; i < 100; i++) put(engine, "t", "p" + i, "", "flushed");
            assertTrue(engine.flush());
            for (int i = 0; i < 5; i++) put(engine, "t", "p" + i, "", "logged");
        }
        try (FileStorageEngine engine = open()) {
            assertEquals(5, engine.recordsReplayed(), "only the commits after the flush are replayed");
            assertEquals("logged", get(engine, "t", "p4", ""));
            assertEquals("flushed", get(engine, "t", "p5", ""));
            assertEquals(100, contents(engine, "t").size());
        }
    }

    @Test
    void aRecreatedKeyspaceIgnoresTheLogOfTheDroppedOne() {
        try (FileStorageEngine engine = open()) {
            engine.createKeyspace("t");
            put(engine, "t", "p", "s", "old keyspace");
            engine.dropKeyspace("t");
            engine.createKeyspace("t");
            put(engine, "t", "q", "s", "new keyspace");
            copyAsCrashed(data, crashed);
        }
        try (FileStorageEngine engine = open(crashed, 32L << 20)) {
            assertEquals(List.of("q/s=new keyspace"), contents(engine, "t"));
        }
    }

    @Test
    @Timeout(180)
    void flushesUnderConcurrentWritesAndReadsLoseDuplicateAndResurrectNothing() throws Exception {
        int writers = 4;
        int rounds = 1200;
        ExecutorService threads = Executors.newFixedThreadPool(writers + 2);
        Map<String, String> expected = new ConcurrentHashMap<>();
        AtomicBoolean done = new AtomicBoolean();
        List<String> readerErrors = new ArrayList<>();
        try (FileStorageEngine engine = open(data, 256 * 1024)) {
            engine.createKeyspace("t");
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                running.add(threads.submit(() -> {
                    String filler = "x".repeat(300);
                    for (int n = 0; n < rounds; n++) {
                        String key = "w" + writer + "-" + (n % 300);
                        if (n % 7 == 6) {
                            delete(engine, "t", key, "");
                            expected.remove(key);
                        } else {
                            String value = n + ":" + filler;
                            put(engine, "t", key, "", value);
                            expected.put(key, value);
                        }
                    }
                    return null;
                }));
            }
            // Readers check that a key's version never goes backwards while memtables flush under them.
            for (int r = 0; r < 2; r++) {
                threads.submit(() -> {
                    Map<String, Integer> seen = new TreeMap<>();
                    while (!done.get()) {
                        for (int w = 0; w < writers; w++) {
                            String key = "w" + w + "-" + (int) (Math.random() * 300);
                            String value = get(engine, "t", key, "");
                            if (value == null) continue;
                            int version = Integer.parseInt(value.substring(0, value.indexOf(':')));
                            Integer before = seen.put(key, version);
                            if (before != null && before > version) {
                                synchronized (readerErrors) {
                                    readerErrors.add(key + " went from version " + before + " back to " + version);
                                }
                            }
                        }
                    }
                    return null;
                });
            }
            for (Future<?> writer : running) writer.get();
            done.set(true);
            assertTrue(engine.flushCount() > 3, "the small budget made memtables flush: " + engine.flushCount());
            assertEquals(new TreeMap<>(expected), asMap(contents(engine, "t")));
            copyAsCrashed(data, crashed);
        } finally {
            done.set(true);
            threads.shutdownNow();
            assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS));
        }
        assertEquals(List.of(), readerErrors);
        try (FileStorageEngine engine = open(data, 256 * 1024)) {
            assertEquals(new TreeMap<>(expected), asMap(contents(engine, "t")));
        }
    }

    private static Map<String, String> asMap(List<String> lines) {
        Map<String, String> map = new TreeMap<>();
        for (String line : lines) {
            String key = line.substring(0, line.indexOf('/'));
            assertNull(map.put(key, line.substring(line.indexOf('=') + 1)), "a key is read once: " + key);
        }
        return map;
    }

    @Test
    @Timeout(60)
    void anIdleKeyspaceDoesNotHoldTheCommitLogForever() throws Exception {
        try (FileStorageEngine engine = FileStorageEngine.open(FileStorageOptions.defaults(data).withSegmentSize(4096).withMemtableBudget(64 * 1024))) {
            engine.createKeyspace("idle");
            engine.createKeyspace("busy");
            put(engine, "idle", "p", "s", "written once");
            for (int i = 0; i < 1500; i++) put(engine, "busy", "p" + i, "s", "v".repeat(150));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (segments(data) > 40 && System.nanoTime() < deadline) Thread.sleep(100);
            assertTrue(segments(data) <= 40, "the idle keyspace's memtable was flushed and the log released: " + segments(data) + " segments");
            assertEquals("written once", get(engine, "idle", "p", "s"));
        }
    }

    private static long segments(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory.resolve("commitlog"))) {
            return files.count();
        }
    }

    @Test
    @Timeout(120)
    void writesWaitForRoomWhenFlushesFallBehindAndLoseNothing() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (FileStorageEngine engine = open(data, 64 * 1024)) {
            engine.createKeyspace("t");
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                running.add(threads.submit(() -> {
                    for (int n = 0; n < 60; n++) put(engine, "t", "w" + writer, "n" + n, "v".repeat(20_000));
                    return null;
                }));
            }
            for (Future<?> writer : running) writer.get();
            assertTrue(engine.writeStalls() > 0, "writes outran flushes of a 64 KiB budget");
            assertTrue(engine.memtableBytes() <= 64 * 1024 + 4 * 21_000, "memtables stay near their budget: " + engine.memtableBytes());
            assertEquals(240, contents(engine, "t").size());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    @Timeout(120)
    void anOpenCursorKeepsReadingWhileFlushesAndCompactionsReplaceTables() throws Exception {
        try (FileStorageEngine engine = open()) {
            engine.createKeyspace("t");
            for (int table = 0; table < 4; table++) {
                for (int i = 0; i < 50; i++) put(engine, "t", "p" + i, "", "table " + table);
                assertTrue(engine.flush());
            }
            assertTrue(engine.compactor().awaitIdle(Duration.ofSeconds(60)));
            List<String> before = contents(engine, "t");
            long compactionsBefore = engine.compactor().compactions();
            List<String> read = new ArrayList<>();
            try (RecordCursor cursor = engine.scan("t", 0, 1, null)) {
                StorageRecord first = cursor.next();
                read.add(text(first.partition()) + "/" + text(first.sort()) + "=" + text(first.value()));
                for (int table = 0; table < 4; table++) {
                    for (int i = 0; i < 50; i++) put(engine, "t", "p" + i, "", "after the cursor opened " + table);
                    assertTrue(engine.flush());
                }
                while (engine.compactor().compactNow("t")) {
                    // Compact until nothing is due.
                }
                assertTrue(engine.compactor().awaitIdle(Duration.ofSeconds(60)));
                assertTrue(engine.compactor().compactions() > compactionsBefore, "tables were compacted while the cursor was open");
                assertTrue(tables(data).size() > engine.tableCount("t"), "tables the cursor reads stay on disk though no longer live");
                while (cursor.hasNext()) {
                    StorageRecord r = cursor.next();
                    read.add(text(r.partition()) + "/" + text(r.sort()) + "=" + text(r.value()));
                }
            }
            assertEquals(50, read.size());
            assertEquals(before.get(0), read.get(0));
            assertTrue(read.stream().allMatch(line -> line.contains("=table 3") || line.contains("=after the cursor opened")), read.toString());
            assertEquals(engine.tableCount("t"), tables(data).size(), "the replaced tables went once the cursor let go");
            for (int i = 0; i < 50; i++) assertEquals("after the cursor opened 3", get(engine, "t", "p" + i, ""));
        }
        try (FileStorageEngine engine = open()) {
            assertEquals(50, contents(engine, "t").size());
            assertEquals("after the cursor opened 3", get(engine, "t", "p7", ""));
        }
    }

    @Test
    void snapshotHardLinksTheKeyspacesTables() throws IOException {
        Path snapshot;
        try (FileStorageEngine engine = open()) {
            engine.createKeyspace("t");
            put(engine, "t", "p", "a", "flushed");
            assertTrue(engine.flush());
            put(engine, "t", "p", "b", "in the memtable");
            snapshot = engine.snapshot("t", "backup-1");
            List<Path> live = tables(data);
            assertEquals(2, live.size(), "the snapshot flushed the memtable first");
            List<Path> linked;
            try (Stream<Path> files = Files.list(snapshot)) {
                linked = files.filter(f -> f.getFileName().toString().endsWith(".sst")).sorted().toList();
            }
            assertEquals(2, linked.size());
            for (Path link : linked) {
                Path original = live.stream().filter(f -> f.getFileName().equals(link.getFileName())).findFirst().orElseThrow();
                assertTrue(Files.isSameFile(original, link), "a hard link, not a copy: " + link);
                assertEquals(2, Files.getAttribute(link, "unix:nlink"));
            }
            String descriptor = Files.readString(snapshot.resolve("SNAPSHOT"));
            assertTrue(descriptor.contains("keyspace=t\n"), descriptor);
            delete(engine, "t", "p", "a");
            assertTrue(engine.flush());
            engine.dropKeyspace("t");
        }
        try (Stream<Path> files = Files.list(snapshot)) {
            assertEquals(3, files.count(), "the snapshot outlives the keyspace it was taken of");
        }
    }

    @Test
    void snapshotOfAFlushedKeyspaceLinksItsTablesAndNamesAreChecked() throws IOException {
        try (FileStorageEngine engine = open()) {
            engine.createKeyspace("t");
            engine.createKeyspace("empty");
            put(engine, "t", "p", "a", "v");
            assertTrue(engine.flush());
            Path snapshot = engine.snapshot("t", "after-flush");
            try (Stream<Path> files = Files.list(snapshot)) {
                assertEquals(2, files.count(), "one table and the descriptor");
            }
            Path empty = engine.snapshot("empty", "after-flush");
            assertEquals(List.of(empty.resolve("SNAPSHOT")), Files.list(empty).toList());
            assertEquals("v", get(engine, "t", "p", "a"), "the keyspace reads on after its snapshots");
            StorageException taken = assertThrows(StorageException.class, () -> engine.snapshot("t", "after-flush"));
            assertTrue(taken.getMessage().contains("already exists"), taken.getMessage());
            assertThrows(StorageException.class, () -> engine.snapshot("t", "../escape"));
        }
    }

    @Test
    @Timeout(180)
    void manyKeyspacesShareTheBudgetAndRecover() throws IOException {
        try (FileStorageEngine engine = open(data, 128 * 1024)) {
            for (int k = 0; k < 150; k++) engine.createKeyspace("k" + k);
            for (int round = 0; round < 5; round++) {
                for (int k = 0; k < 150; k++) {
                    try (StorageTransaction tx = engine.begin()) {
                        tx.put("k" + k, utf8("p" + round), utf8(""), utf8("v" + round + "x".repeat(200)));
                        tx.put("k" + ((k + 1) % 150), utf8("other" + k), utf8(""), utf8("r" + round));
                        tx.commit();
                    }
                }
            }
            for (int k = 0; k < 150; k += 2) engine.dropKeyspace("k" + k);
            for (int k = 0; k < 150; k += 10) engine.createKeyspace("k" + k);
            assertTrue(engine.flushCount() > 0);
        }
        try (FileStorageEngine engine = open(data, 128 * 1024)) {
            for (int k = 0; k < 150; k++) {
                String name = "k" + k;
                if (k % 10 == 0) {
                    assertEquals(List.of(), contents(engine, name), "a re-created keyspace starts empty");
                } else if (k % 2 == 0) {
                    assertFalse(engine.keyspaceExists(name));
                } else {
                    assertEquals(6, contents(engine, name).size(), name);
                    assertTrue(get(engine, name, "p4", "").startsWith("v4"));
                    assertEquals("r4", get(engine, name, "other" + (k + 149) % 150, ""));
                }
            }
        }
    }
}
