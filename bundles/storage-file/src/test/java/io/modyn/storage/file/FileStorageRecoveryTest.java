package io.modyn.storage.file;

import static io.modyn.storage.file.TestData.contents;
import static io.modyn.storage.file.TestData.copyAsCrashed;
import static io.modyn.storage.file.TestData.delete;
import static io.modyn.storage.file.TestData.get;
import static io.modyn.storage.file.TestData.put;
import static io.modyn.storage.file.TestData.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.storage.StorageTransaction;
import io.modyn.storage.file.commitlog.CommitLogSegment;
import io.modyn.storage.file.sstable.SortedTableFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Recovery after crashes: torn commits, flushes, and files a crash leaves half-done. */
class FileStorageRecoveryTest {

    @TempDir
    Path data;

    @TempDir
    Path crashed;

    private static FileStorageEngine open(Path directory) {
        return FileStorageEngine.open(FileStorageOptions.defaults(directory).withSegmentSize(8192));
    }

    private static List<Path> segments(Path directory) throws IOException {
        return CommitLogSegment.list(directory.resolve("commitlog"));
    }

    private static List<Path> tables(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory.resolve("tables"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".sst")).toList();
        }
    }

    @Test
    void acknowledgedCommitsSurviveAProcessCrash() {
        try (FileStorageEngine engine = open(data)) {
            engine.createKeyspace("t");
            for (int i = 0; i < 200; i++) put(engine, "t", "p" + i % 7, "s" + i, "v" + i);
            copyAsCrashed(data, crashed);
            try (FileStorageEngine recovered = open(crashed)) {
                assertEquals(contents(engine, "t"), contents(recovered, "t"));
            }
        }
    }

    @Test
    void tornLastCommitIsIgnoredEntirely() throws IOException {
        try (FileStorageEngine engine = open(data)) {
            engine.createKeyspace("t");
            engine.createKeyspace("i");
            put(engine, "t", "p", "kept", "v");
            try (StorageTransaction tx = engine.begin()) {
                tx.put("t", utf8("p"), utf8("torn"), utf8("base"));
                tx.put("i", utf8("p"), utf8("torn"), utf8("index"));
                tx.commit();
            }
        }
        Path newest = segments(data).get(segments(data).size() - 1);
        try (FileChannel channel = FileChannel.open(newest, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 3);
        }

        try (FileStorageEngine engine = open(data)) {
            assertEquals("v", get(engine, "t", "p", "kept"));
            assertNull(get(engine, "t", "p", "torn"));
            assertNull(get(engine, "i", "p", "torn"));
            put(engine, "t", "p", "after", "v");
        }
        try (FileStorageEngine engine = open(data)) {
            assertEquals(List.of("p/after=v", "p/kept=v"), contents(engine, "t"));
        }
    }

    @Test
    void recordsAfterAFlushAreReplayedOnTopOfTheTables() throws IOException {
        try (FileStorageEngine engine = open(data)) {
            engine.createKeyspace("t");
            engine.createKeyspace("dropped");
            for (int i = 0; i < 100; i++) put(engine, "t", "p" + i, "s", "before");
            put(engine, "dropped", "p", "s", "v");
            assertTrue(engine.flush());
            for (int i = 0; i < 10; i++) put(engine, "t", "p" + i, "s", "after");
            delete(engine, "t", "p50", "s");
            engine.dropKeyspace("dropped");
            engine.createKeyspace("created");
            put(engine, "created", "p", "s", "new");
            copyAsCrashed(data, crashed);

            try (FileStorageEngine recovered = open(crashed)) {
                assertEquals(contents(engine, "t"), contents(recovered, "t"));
                assertEquals("after", get(recovered, "t", "p3", "s"));
                assertEquals("before", get(recovered, "t", "p30", "s"));
                assertNull(get(recovered, "t", "p50", "s"), "the replayed tombstone shadows the flushed record");
                assertFalse(recovered.keyspaceExists("dropped"));
                assertEquals("new", get(recovered, "created", "p", "s"));
            }
        }
    }

    @Test
    void flushReleasesTheSegmentsItCovers() throws IOException {
        try (FileStorageEngine engine = open(data)) {
            engine.createKeyspace("t");
            for (int i = 0; i < 300; i++) put(engine, "t", "p" + i, "s", "a value of some length " + i);
            assertTrue(segments(data).size() > 2, "the small segment size makes the log roll over");
            assertTrue(engine.flush());
            assertEquals(1, segments(data).size());
            assertEquals(1, tables(data).size());
            put(engine, "t", "p", "s", "v");
            assertTrue(engine.flush());
            assertEquals(1, segments(data).size());
            assertEquals(2, tables(data).size(), "each flush writes one table");
        }
        try (FileStorageEngine engine = open(data)) {
            assertEquals(301, engine.statistics("t").recordCount());
            assertEquals("v", get(engine, "t", "p", "s"));
        }
    }

    @Test
    void flushIsSkippedWhenTheMemtablesAreEmpty() throws IOException {
        try (FileStorageEngine engine = open(data)) {
            engine.createKeyspace("t");
            assertFalse(engine.flush());
            put(engine, "t", "p", "s", "v");
            assertTrue(engine.flush());
            assertFalse(engine.flush());
        }
        try (FileStorageEngine engine = open(data)) {
            assertFalse(engine.flush(), "a restart replays nothing that is flushed");
            put(engine, "t", "p", "s", "v2");
            assertTrue(engine.flush());
            assertEquals("v2", get(engine, "t", "p", "s"));
        }
    }

    @Test
    void segmentsAFlushCoversAreNotReplayedEvenIfACrashLeftThem() throws IOException {
        Path savedLog = crashed.resolve("saved");
        try (FileStorageEngine engine = open(data)) {
            engine.createKeyspace("t");
            put(engine, "t", "p", "s", "old");
            copyAsCrashed(data.resolve("commitlog"), savedLog);
            for (int i = 0; i < 300; i++) put(engine, "t", "q" + i, "s", "a value that makes the log roll over " + i);
            put(engine, "t", "p", "s", "new");
            assertTrue(engine.flush());
        }
        assertFalse(Files.exists(data.resolve("commitlog").resolve(CommitLogSegment.fileName(1))), "the flush released segment 1");
        // As if a crash had come before the flushed segments were deleted.
        copyAsCrashed(savedLog, data.resolve("commitlog"));
        try (FileStorageEngine engine = open(data)) {
            assertEquals("new", get(engine, "t", "p", "s"));
        }
        assertFalse(Files.exists(data.resolve("commitlog").resolve(CommitLogSegment.fileName(1))), "segment 1 is covered by the flush");
    }

    @Test
    void tablesACrashLeftOutsideTheManifestAreRemoved() throws IOException {
        try (FileStorageEngine engine = open(data)) {
            engine.createKeyspace("t");
            engine.createKeyspace("dropped");
            put(engine, "t", "p", "s", "v");
            put(engine, "dropped", "p", "s", "v");
            assertTrue(engine.flush());
            put(engine, "t", "p", "s2", "v2");
        }
        Path live = tables(data).get(0);
        Path directory = live.getParent();
        // A flush whose rename happened but whose manifest edit did not, and a table half-written.
        Path unrecorded = directory.resolve(SortedTableFiles.fileName(SortedTableFiles.generationOf(live) + 1000));
        Files.copy(live, unrecorded);
        Path halfWritten = directory.resolve(SortedTableFiles.fileName(4242) + ".tmp");
        Files.write(halfWritten, new byte[] {1, 2, 3});
        // The table directory of a keyspace whose drop was recorded.
        Path droppedDirectory = data.resolve("tables").resolve("999");
        Files.createDirectories(droppedDirectory);
        Files.copy(live, droppedDirectory.resolve(live.getFileName()));

        try (FileStorageEngine engine = open(data)) {
            assertEquals(List.of("p/s=v", "p/s2=v2"), contents(engine, "t"));
        }
        assertFalse(Files.exists(unrecorded));
        assertFalse(Files.exists(halfWritten));
        assertFalse(Files.exists(droppedDirectory));
        assertTrue(Files.exists(live));
    }

    @Test
    @Timeout(120)
    void flushesTakenWhileWritersRunRecoverTheSameContent() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try (FileStorageEngine engine = open(data)) {
            engine.createKeyspace("t");
            engine.createKeyspace("i");
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                Random random = new Random(w);
                running.add(writers.submit(() -> {
                    for (int n = 0; n < 400; n++) {
                        String key = "k" + random.nextInt(50);
                        if (random.nextInt(4) == 0) {
                            delete(engine, "t", key, "");
                        } else {
                            try (StorageTransaction tx = engine.begin()) {
                                tx.put("t", utf8(key), utf8(""), utf8("v" + n));
                                tx.put("i", utf8("v" + n), utf8(key), utf8(""));
                                tx.commit();
                            }
                        }
                    }
                    return null;
                }));
            }
            while (!running.stream().allMatch(Future::isDone)) engine.flush();
            for (Future<?> writer : running) writer.get();
            assertTrue(engine.compactor().awaitIdle(Duration.ofSeconds(60)), "compaction finishes before the copy");
            copyAsCrashed(data, crashed);
            try (FileStorageEngine recovered = open(crashed)) {
                assertEquals(contents(engine, "t"), contents(recovered, "t"));
                assertEquals(contents(engine, "i"), contents(recovered, "i"));
            }
        } finally {
            writers.shutdownNow();
            assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS));
        }
    }
}
