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

/** Recovery after crashes: torn commits, checkpoints, and files a crash leaves half-done. */
class FileStorageRecoveryTest {

    @TempDir
    Path data;

    @TempDir
    Path crashed;

    private static FileStorageEngine open(Path directory) {
        return FileStorageEngine.open(FileStorageOptions.defaults(directory).withCheckpointInterval(Duration.ZERO).withSegmentSize(8192));
    }

    private static List<Path> segments(Path directory) throws IOException {
        return CommitLogSegment.list(directory.resolve("commitlog"));
    }

    private static List<Path> snapshots(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory.resolve("snapshots"))) {
            return files.toList();
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
    void recordsAfterACheckpointAreReplayedOnTopOfTheSnapshot() throws IOException {
        try (FileStorageEngine engine = open(data)) {
            engine.createKeyspace("t");
            engine.createKeyspace("dropped");
            for (int i = 0; i < 100; i++) put(engine, "t", "p" + i, "s", "before");
            put(engine, "dropped", "p", "s", "v");
            assertTrue(engine.checkpoint());
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
                assertNull(get(recovered, "t", "p50", "s"));
                assertFalse(recovered.keyspaceExists("dropped"));
                assertEquals("new", get(recovered, "created", "p", "s"));
            }
        }
    }

    @Test
    void checkpointDeletesTheSegmentsItCovers() throws IOException {
        try (FileStorageEngine engine = open(data)) {
            engine.createKeyspace("t");
            for (int i = 0; i < 300; i++) put(engine, "t", "p" + i, "s", "a value of some length " + i);
            assertTrue(segments(data).size() > 2, "the small segment size makes the log roll over");
            assertTrue(engine.checkpoint());
            assertEquals(1, segments(data).size());
            assertEquals(1, snapshots(data).size());
            put(engine, "t", "p", "s", "v");
            assertTrue(engine.checkpoint());
            assertEquals(1, segments(data).size());
            assertEquals(1, snapshots(data).size(), "the older snapshot is gone");
        }
        try (FileStorageEngine engine = open(data)) {
            assertEquals(301, engine.statistics("t").recordCount());
        }
    }

    @Test
    void checkpointIsSkippedWhenNothingWasLogged() throws IOException {
        try (FileStorageEngine engine = open(data)) {
            engine.createKeyspace("t");
            assertTrue(engine.checkpoint());
            assertFalse(engine.checkpoint());
        }
        try (FileStorageEngine engine = open(data)) {
            assertFalse(engine.checkpoint(), "a restart that replayed nothing needs no new snapshot");
            put(engine, "t", "p", "s", "v");
            assertTrue(engine.checkpoint());
        }
    }

    @Test
    void segmentsLeftByACrashAfterTheSnapshotAreDiscarded() throws IOException {
        Path savedLog = crashed.resolve("saved");
        try (FileStorageEngine engine = open(data)) {
            engine.createKeyspace("t");
            put(engine, "t", "p", "s", "old");
            copyAsCrashed(data.resolve("commitlog"), savedLog);
            put(engine, "t", "p", "s", "new");
            engine.checkpoint();
        }
        // As if the crash came between publishing the snapshot and deleting the old segments.
        copyAsCrashed(savedLog, data.resolve("commitlog"));
        try (FileStorageEngine engine = open(data)) {
            assertEquals("new", get(engine, "t", "p", "s"));
        }
        assertFalse(Files.exists(data.resolve("commitlog").resolve(CommitLogSegment.fileName(1))), "segment 1 is covered by the snapshot");
    }

    @Test
    void halfWrittenSnapshotIsIgnored() throws IOException {
        try (FileStorageEngine engine = open(data)) {
            engine.createKeyspace("t");
            put(engine, "t", "p", "s", "v");
            engine.checkpoint();
            put(engine, "t", "p", "s2", "v2");
        }
        Files.write(data.resolve("snapshots").resolve("snapshot-00000000000000000099.db.tmp"), new byte[] {1, 2, 3});
        try (FileStorageEngine engine = open(data)) {
            assertEquals(List.of("p/s=v", "p/s2=v2"), contents(engine, "t"));
        }
        assertEquals(1, snapshots(data).size());
    }

    @Test
    @Timeout(120)
    void checkpointsTakenWhileWritersRunRecoverTheSameState() throws Exception {
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
            while (!running.stream().allMatch(Future::isDone)) engine.checkpoint();
            for (Future<?> writer : running) writer.get();
            copyAsCrashed(data, crashed);
            try (FileStorageEngine recovered = open(crashed)) {
                assertEquals(contents(engine, "t"), contents(recovered, "t"));
                assertEquals(contents(engine, "i"), contents(recovered, "i"));
                assertEquals(engine.statistics("t"), recovered.statistics("t"));
            }
        } finally {
            writers.shutdownNow();
            assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS));
        }
    }
}
