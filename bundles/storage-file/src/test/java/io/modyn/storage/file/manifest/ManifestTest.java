package io.modyn.storage.file.manifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.storage.StorageException;
import io.modyn.storage.file.commitlog.CommitLogPosition;
import io.modyn.storage.file.record.Sequence;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

    @TempDir
    Path directory;

    private static CommitLogPosition at(long segment, long offset) {
        return new CommitLogPosition(segment, offset);
    }

    @Test
    void aNewManifestIsEmpty() throws IOException {
        try (Manifest manifest = Manifest.open(directory)) {
            assertEquals(ManifestState.EMPTY, manifest.state());
        }
        assertEquals(1, ManifestFile.list(directory).size());
    }

    @Test
    void everyEditSurvivesAReopen() throws IOException {
        ManifestState before;
        try (Manifest manifest = Manifest.open(directory)) {
            manifest.keyspaceCreated("table", 1, Sequence.of(at(3, 100)));
            manifest.keyspaceCreated("other", 2, Sequence.of(at(3, 200)));
            long g1 = manifest.allocateGeneration();
            long g2 = manifest.allocateGeneration();
            assertTrue(manifest.flushed("table", new TableEntry(g1, 0), at(3, 500)));
            assertTrue(manifest.flushed("table", new TableEntry(g2, 0), at(4, 50)));
            assertTrue(manifest.flushed("other", null, at(4, 60)));
            long g3 = manifest.allocateGeneration();
            assertTrue(manifest.replaced("table", List.of(g1, g2), List.of(new TableEntry(g3, 1))));
            manifest.keyspaceDropped("other", Sequence.of(at(4, 70)));
            before = manifest.state();
        }
        try (Manifest manifest = Manifest.open(directory)) {
            ManifestState after = manifest.state();
            assertEquals(before.keyspaces(), after.keyspaces());
            assertEquals(3, after.nextKeyspaceId());
            KeyspaceEntry table = after.keyspace("table");
            assertEquals(1, table.id());
            assertEquals(Sequence.of(at(3, 100)), table.createdAtSequence());
            assertEquals(at(4, 50), table.flushedUpTo());
            assertEquals(List.of(new TableEntry(3, 1)), table.tables());
            assertNull(after.keyspace("other"));
            assertEquals(5, after.minimumNextSegmentId());
        }
    }

    @Test
    void aNewKeyspaceIsFlushedUpToItsCreation() throws IOException {
        try (Manifest manifest = Manifest.open(directory)) {
            manifest.keyspaceCreated("t", 7, Sequence.of(at(2, 40)));
            assertEquals(at(2, 40), manifest.state().keyspace("t").flushedUpTo());
            assertEquals(8, manifest.state().nextKeyspaceId());
            assertThrows(IllegalStateException.class, () -> manifest.keyspaceCreated("t", 8, 0));
            assertThrows(IllegalStateException.class, () -> manifest.keyspaceCreated("u", 7, 0));
        }
    }

    @Test
    void generationsAreUniqueAcrossRestartsWithoutAnEditEach() throws IOException {
        Set<Long> seen = new HashSet<>();
        for (int restart = 0; restart < 3; restart++) {
            try (Manifest manifest = Manifest.open(directory)) {
                long sizeAfterFirst = -1;
                for (int i = 0; i < 10; i++) {
                    long generation = manifest.allocateGeneration();
                    assertTrue(seen.add(generation), "generation " + generation + " handed out twice");
                    if (i == 0) sizeAfterFirst = Files.size(manifest.currentFile());
                }
                assertEquals(sizeAfterFirst, Files.size(manifest.currentFile()), "one reservation covers a block");
            }
        }
        List<Long> ordered = new ArrayList<>(seen);
        ordered.sort(null);
        assertEquals(30, ordered.size());
    }

    @Test
    void flushAndCompactionOfADroppedKeyspaceWriteNothing() throws IOException {
        try (Manifest manifest = Manifest.open(directory)) {
            manifest.keyspaceCreated("t", 1, 0);
            long generation = manifest.allocateGeneration();
            manifest.flushed("t", new TableEntry(generation, 0), at(1, 10));
            long size = Files.size(manifest.currentFile());
            assertFalse(manifest.replaced("t", List.of(generation + 1), List.of()), "an input that is not live");
            manifest.keyspaceDropped("t", 5);
            size = Files.size(manifest.currentFile());
            assertFalse(manifest.flushed("t", new TableEntry(generation + 2, 0), at(1, 20)));
            assertFalse(manifest.replaced("t", List.of(generation), List.of()));
            assertEquals(size, Files.size(manifest.currentFile()));
        }
    }

    @Test
    void aFlushBehindTheLastOneIsRefused() throws IOException {
        try (Manifest manifest = Manifest.open(directory)) {
            manifest.keyspaceCreated("t", 1, 0);
            manifest.flushed("t", null, at(2, 10));
            assertThrows(IllegalStateException.class, () -> manifest.flushed("t", null, at(1, 10)));
        }
    }

    @Test
    void aTornLastEditIsDroppedAndLaterEditsFollowTheLastWholeOne() throws IOException {
        Path file;
        try (Manifest manifest = Manifest.open(directory)) {
            manifest.keyspaceCreated("kept", 1, 0);
            manifest.keyspaceCreated("torn", 2, 0);
            file = manifest.currentFile();
        }
        long size = Files.size(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size - 3);
        }
        try (Manifest manifest = Manifest.open(directory)) {
            assertTrue(manifest.state().keyspaces().containsKey("kept"));
            assertFalse(manifest.state().keyspaces().containsKey("torn"));
            manifest.keyspaceCreated("after", 2, 0);
        }
        try (Manifest manifest = Manifest.open(directory)) {
            assertEquals(Set.of("kept", "after"), manifest.state().keyspaces().keySet());
        }
    }

    @Test
    void aDamagedSnapshotEditStopsTheOpen() throws IOException {
        Path file;
        try (Manifest manifest = Manifest.open(directory)) {
            file = manifest.currentFile();
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
        StorageException e = assertThrows(StorageException.class, () -> Manifest.open(directory));
        assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
    }

    @Test
    void theLogIsRewrittenAsOneSnapshotOnceItGrows() throws IOException {
        ManifestState before;
        Path first;
        try (Manifest manifest = Manifest.open(directory, 400)) {
            first = manifest.currentFile();
            manifest.keyspaceCreated("t", 1, 0);
            for (int i = 1; i <= 50; i++) {
                long generation = manifest.allocateGeneration();
                manifest.flushed("t", new TableEntry(generation, 0), at(1, i));
                if (i % 4 == 0) {
                    List<Long> all = manifest.state().keyspace("t").tables().stream().map(TableEntry::generation).toList();
                    manifest.replaced("t", all, List.of(new TableEntry(manifest.allocateGeneration(), 1)));
                }
            }
            before = manifest.state();
            assertTrue(Files.size(manifest.currentFile()) <= 400 + 200);
            assertFalse(Files.exists(first));
        }
        List<Path> files = ManifestFile.list(directory);
        assertEquals(1, files.size());
        assertTrue(ManifestFile.numberOf(files.get(0)) > 1);
        try (Manifest manifest = Manifest.open(directory)) {
            assertEquals(before.keyspaces(), manifest.state().keyspaces());
            assertTrue(manifest.state().nextGeneration() >= before.nextGeneration());
        }
    }

    @Test
    void anOlderFileARewriteLeftBehindIsDeletedAndTheNewestWins() throws IOException {
        try (Manifest manifest = Manifest.open(directory)) {
            manifest.keyspaceCreated("old", 1, 0);
        }
        Path old = ManifestFile.list(directory).get(0);
        Path copy = directory.resolve("copy");
        Files.copy(old, copy);
        try (Manifest manifest = Manifest.open(directory)) {
            manifest.rewrite();
            manifest.keyspaceCreated("new", 2, 0);
        }
        Files.move(copy, old);
        Files.writeString(ManifestFile.temporary(directory, 9), "half-written rewrite");
        try (Manifest manifest = Manifest.open(directory)) {
            assertEquals(Set.of("old", "new"), manifest.state().keyspaces().keySet());
        }
        assertEquals(List.of(ManifestFile.path(directory, 2)), ManifestFile.list(directory));
        assertFalse(Files.exists(ManifestFile.temporary(directory, 9)));
    }

    @Test
    void concurrentFlushesAndCompactionsAllLand() throws Exception {
        int keyspaces = 4;
        int flushes = 40;
        try (Manifest manifest = Manifest.open(directory, 2048)) {
            for (int k = 0; k < keyspaces; k++) manifest.keyspaceCreated("t" + k, k + 1, 0);
            ExecutorService pool = Executors.newFixedThreadPool(2 * keyspaces);
            List<Future<?>> tasks = new ArrayList<>();
            for (int k = 0; k < keyspaces; k++) {
                String name = "t" + k;
                tasks.add(pool.submit(() -> {
                    for (int i = 1; i <= flushes; i++) {
                        manifest.flushed(name, new TableEntry(manifest.allocateGeneration(), 0), at(1, i));
                    }
                    return null;
                }));
                tasks.add(pool.submit(() -> {
                    for (int i = 0; i < flushes; i++) {
                        List<TableEntry> live = manifest.state().keyspace(name).tables();
                        if (live.size() < 2) {
                            Thread.onSpinWait();
                            continue;
                        }
                        List<Long> inputs = live.subList(0, 2).stream().map(TableEntry::generation).toList();
                        manifest.replaced(name, inputs, List.of(new TableEntry(manifest.allocateGeneration(), 1)));
                    }
                    return null;
                }));
            }
            for (Future<?> task : tasks) task.get();
            pool.shutdown();
        }
        try (Manifest manifest = Manifest.open(directory)) {
            Set<Long> generations = new HashSet<>();
            for (KeyspaceEntry keyspace : manifest.state().keyspaces().values()) {
                assertEquals(at(1, flushes), keyspace.flushedUpTo());
                assertFalse(keyspace.tables().isEmpty());
                for (TableEntry table : keyspace.tables()) assertTrue(generations.add(table.generation()));
            }
            assertEquals(keyspaces, manifest.state().keyspaces().size());
        }
    }

    @Test
    void manifestFilesAreOwnerOnly() throws IOException {
        Path root = directory.resolve("manifest");
        try (Manifest manifest = Manifest.open(root)) {
            manifest.keyspaceCreated("t", 1, 0);
            manifest.rewrite();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(manifest.currentFile())));
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root)));
    }

    @Test
    void aTornEditIsDroppedWithALogLine() throws IOException {
        Path file;
        try (Manifest manifest = Manifest.open(directory)) {
            manifest.keyspaceCreated("torn", 1, 0);
            file = manifest.currentFile();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(file) - 1);
        }
        List<LogRecord> logged = new ArrayList<>();
        Logger logger = Logger.getLogger(ManifestReader.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level level = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
        try (Manifest manifest = Manifest.open(directory)) {
            assertTrue(manifest.state().keyspaces().isEmpty());
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(level);
        }
        assertEquals(1, logged.size());
        assertEquals(Level.WARNING, logged.get(0).getLevel());
        assertTrue(logged.get(0).getMessage().startsWith("Dropping"), logged.get(0).getMessage());
    }

    @Test
    void aRewriteThatCannotWriteLeavesTheManifestWorking() throws IOException {
        try (Manifest manifest = Manifest.open(directory, 200)) {
            // A directory where the rewrite's temporary file must go makes every rewrite fail.
            Files.createDirectories(ManifestFile.temporary(directory, 2).resolve("blocker"));
            for (int i = 0; i < 20; i++) manifest.keyspaceCreated("t" + i, i + 1, 0);
            assertEquals(ManifestFile.path(directory, 1), manifest.currentFile());
            assertTrue(Files.size(manifest.currentFile()) > 200);
        }
        Files.delete(ManifestFile.temporary(directory, 2).resolve("blocker"));
        Files.delete(ManifestFile.temporary(directory, 2));
        try (Manifest manifest = Manifest.open(directory, 200)) {
            assertEquals(20, manifest.state().keyspaces().size());
            manifest.keyspaceCreated("later", 21, 0);
            assertEquals(ManifestFile.path(directory, 2), manifest.currentFile(), "the next edit rewrites it");
        }
        try (Manifest manifest = Manifest.open(directory)) {
            assertEquals(21, manifest.state().keyspaces().size());
        }
    }

    @Test
    void invalidNamesAndClosedManifestsAreRefused() throws IOException {
        Manifest manifest = Manifest.open(directory);
        assertThrows(IllegalArgumentException.class, () -> manifest.keyspaceCreated("", 1, 0));
        assertThrows(IllegalArgumentException.class, () -> manifest.keyspaceCreated("caf\u00e9", 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new TableEntry(1, 256));
        manifest.close();
        assertThrows(IllegalStateException.class, () -> manifest.keyspaceCreated("t", 1, 0));
        assertThrows(IllegalStateException.class, manifest::allocateGeneration);
    }

    @Test
    void readingChangesNothing() throws IOException {
        try (Manifest manifest = Manifest.open(directory)) {
            manifest.keyspaceCreated("t", 1, 0);
            manifest.keyspaceCreated("torn", 2, 0);
        }
        Path file = ManifestFile.list(directory).get(0);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(file) - 2);
        }
        byte[] before = Files.readAllBytes(file);
        assertEquals(Set.of("t"), Manifest.read(directory).keyspaces().keySet());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(ManifestState.EMPTY, Manifest.read(directory.resolve("absent")));
    }
}
