package io.modyn.storage.file.upgrade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.storage.StorageException;
import io.modyn.storage.file.commitlog.CommitLogPosition;
import io.modyn.storage.file.commitlog.CommitLogSegment;
import io.modyn.storage.file.lifecycle.DataDirectory;
import io.modyn.storage.file.lifecycle.FormatVersion;
import io.modyn.storage.file.lifecycle.LegacyFiles;
import io.modyn.storage.file.manifest.KeyspaceEntry;
import io.modyn.storage.file.manifest.Manifest;
import io.modyn.storage.file.manifest.ManifestState;
import io.modyn.storage.file.manifest.TableEntry;
import io.modyn.storage.file.mutation.Mutation;
import io.modyn.storage.file.record.RecordIterator;
import io.modyn.storage.file.record.Sequence;
import io.modyn.storage.file.record.VersionedRecord;
import io.modyn.storage.file.sstable.SortedTable;
import io.modyn.storage.file.sstable.SortedTableFiles;
import io.modyn.storage.file.sstable.SortedTableOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpgradeTest {

    @TempDir
    Path data;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The golden v1 directory's content, as FormatCompatibilityTest has always read it. */
    private static final Map<String, Map<String, String>> GOLDEN_CONTENT = Map.of(
            "table", Map.of("alice/2024", "in snapshot", "bob/", "from commit log"),
            "table.index", Map.of("idx/alice", "[0, -1]"));

    @Test
    void theGoldenFormat1DirectoryIsUpgradedWithEveryRecord() throws IOException {
        LegacyDirectory.copyGolden(data);
        Upgrade.Result result;
        List<LogRecord> logged = new ArrayList<>();
        Logger logger = Logger.getLogger(Upgrade.class.getName());
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
        logger.setLevel(Level.INFO);
        logger.addHandler(handler);
        try (DataDirectory directory = DataDirectory.open(data)) {
            result = Upgrade.runIfNeeded(directory, SortedTableOptions.defaults());
            assertEquals(FormatVersion.CURRENT, directory.formatVersion());
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(level);
        }
        assertEquals(1, logged.size());
        assertEquals(Level.INFO, logged.get(0).getLevel());
        assertEquals("Upgraded data directory " + data + " from format 1 to 2: 2 keyspaces, 3 records, in " + result.millis() + " ms",
                logged.get(0).getMessage());
        assertTrue(result.upgraded());
        assertEquals(2, result.keyspaces());
        assertEquals(3, result.records());
        assertEquals(2, result.tables());
        assertEquals(3, result.nextSegmentId(), "above the old segment 2");
        assertEquals(GOLDEN_CONTENT, contents(data));
        assertEquals("modyn-storage-file 2\n", Files.readString(data.resolve("FORMAT")));
        assertEquals(List.of(), LegacyFiles.snapshots(data.resolve("snapshots")));
        assertEquals(List.of(), CommitLogSegment.list(data.resolve("commitlog")));

        ManifestState state = Manifest.read(data.resolve("manifest"));
        assertEquals(3, state.firstSegmentId());
        assertTrue(state.minimumNextSegmentId() >= 3);
        for (KeyspaceEntry keyspace : state.keyspaces().values()) {
            assertEquals(2, keyspace.flushedUpTo().segmentId(), "flushed up to the end of the old log");
            assertEquals(Files.size(goldenSegmentCopy()), keyspace.flushedUpTo().offset());
            assertEquals(Sequence.NONE, keyspace.createdAtSequence());
        }
    }

    @Test
    void aDirectoryInTheCurrentFormatIsLeftAsItIs() throws IOException {
        LegacyDirectory.copyGolden(data);
        try (DataDirectory directory = DataDirectory.open(data)) {
            Upgrade.runIfNeeded(directory, SortedTableOptions.defaults());
        }
        Map<String, String> before = listing(data);
        try (DataDirectory directory = DataDirectory.open(data)) {
            Upgrade.Result again = Upgrade.runIfNeeded(directory, SortedTableOptions.defaults());
            assertFalse(again.upgraded());
        }
        assertEquals(before, listing(data));
        try (DataDirectory directory = DataDirectory.open(data.resolve("new"))) {
            assertFalse(Upgrade.runIfNeeded(directory, SortedTableOptions.defaults()).upgraded());
        }
    }

    @Test
    void anUpgradeStoppedAtAnyStepCompletesAtTheNextStart() throws IOException {
        for (Upgrade.Step stop : Upgrade.Step.values()) {
            Path root = data.resolve(stop.name());
            LegacyDirectory.copyGolden(root);
            Map<String, String> legacy = listing(root);
            try (DataDirectory directory = DataDirectory.open(root)) {
                assertThrows(SimulatedCrash.class, () -> Upgrade.runIfNeeded(directory, SortedTableOptions.defaults(), step -> {
                    if (step == stop) throw new SimulatedCrash();
                }), stop.name());
            }
            boolean committed = stop.compareTo(Upgrade.Step.FORMAT_WRITTEN) >= 0;
            if (!committed) {
                assertFalse(Files.exists(root.resolve("FORMAT")), stop.name());
                Map<String, String> now = listing(root);
                for (Map.Entry<String, String> file : legacy.entrySet()) {
                    if (!file.getValue().startsWith("dir")) assertEquals(file.getValue(), now.get(file.getKey()), stop + ": old file changed");
                }
            }
            try (DataDirectory directory = DataDirectory.open(root)) {
                Upgrade.Result rerun = Upgrade.runIfNeeded(directory, SortedTableOptions.defaults());
                assertEquals(!committed, rerun.upgraded(), stop.name());
            }
            assertEquals(GOLDEN_CONTENT, contents(root), stop.name());
            assertEquals(List.of(), LegacyFiles.snapshots(root.resolve("snapshots")), stop.name());
            assertEquals(List.of(), CommitLogSegment.list(root.resolve("commitlog")), stop.name());
            assertEquals(2, Manifest.read(root.resolve("manifest")).keyspaces().size(), stop.name());
        }
    }

    @Test
    void snapshotAndLogAreReplayedByFormat1Rules() throws IOException {
        List<List<Mutation>> snapshot = new ArrayList<>();
        snapshot.add(List.of(Mutation.createKeyspace("a")));
        List<Mutation> puts = new ArrayList<>();
        for (int i = 0; i < 2000; i++) puts.add(Mutation.put("a", utf8("p" + (i % 37)), utf8(String.format("s%05d", i)), utf8("v" + i)));
        snapshot.add(puts);
        snapshot.add(List.of(Mutation.createKeyspace("gone")));
        snapshot.add(List.of(Mutation.put("gone", utf8("x"), utf8(""), utf8("old"))));
        // Older segments and snapshot than the newest snapshot covers: ignored, then deleted.
        LegacyDirectory.segment(data, 3, List.of(List.of(Mutation.createKeyspace("stale"))));
        LegacyDirectory.snapshot(data, 3, List.of(List.of(Mutation.createKeyspace("stale"))));
        LegacyDirectory.snapshot(data, 5, snapshot);
        Files.writeString(data.resolve("snapshots/snapshot-00000000000000000009.db.tmp"), "a checkpoint a crash interrupted");
        LegacyDirectory.segment(data, 5, List.of(
                List.of(Mutation.delete("a", utf8("p0"), utf8("s00000")), Mutation.put("a", utf8("p1"), utf8("s00001"), utf8("changed"))),
                List.of(Mutation.dropKeyspace("gone")),
                List.of(Mutation.createKeyspace("gone")),
                List.of(Mutation.put("gone", utf8("y"), utf8(""), utf8("new")))));
        Path newest = LegacyDirectory.segment(data, 6, List.of(
                List.of(Mutation.createKeyspace("empty")),
                List.of(Mutation.put("a", utf8("p2"), utf8("s00002"), utf8("last")))));
        long intactEnd = Files.size(newest);
        // The torn tail of a commit a crash interrupted: skipped, never acknowledged.
        Files.write(newest, new byte[] {0, 0, 1, 0, 1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);

        Upgrade.Result result;
        try (DataDirectory directory = DataDirectory.open(data)) {
            result = Upgrade.runIfNeeded(directory, SortedTableOptions.defaults().withBlockSize(4096));
        }
        assertEquals(3, result.keyspaces());
        assertEquals(2000 - 1 + 1, result.records());
        assertEquals(2, result.tables(), "no table for the empty keyspace");
        assertEquals(7, result.nextSegmentId());

        Map<String, Map<String, String>> content = contents(data);
        assertEquals(List.of("a", "empty", "gone"), List.copyOf(content.keySet()));
        assertEquals(1999, content.get("a").size());
        assertNull(content.get("a").get("p0/s00000"));
        assertEquals("changed", content.get("a").get("p1/s00001"));
        assertEquals("last", content.get("a").get("p2/s00002"));
        assertEquals("v1999", content.get("a").get("p1999/s01999".replace("p1999", "p" + (1999 % 37))));
        assertEquals(Map.of("y/", "new"), content.get("gone"));
        assertEquals(Map.of(), content.get("empty"));

        ManifestState state = Manifest.read(data.resolve("manifest"));
        for (KeyspaceEntry keyspace : state.keyspaces().values()) assertEquals(new CommitLogPosition(6, intactEnd), keyspace.flushedUpTo());
        assertEquals(7, state.firstSegmentId());
        assertEquals(List.of(), CommitLogSegment.list(data.resolve("commitlog")));
        try (Stream<Path> left = Files.list(data.resolve("snapshots"))) {
            assertEquals(0, left.count(), "complete and temporary old snapshots are gone");
        }
    }

    @Test
    void aFormat1SnapshotWrittenAfterTheUpgradeStopsTheStartAndIsKept() throws IOException {
        LegacyDirectory.copyGolden(data);
        try (DataDirectory directory = DataDirectory.open(data)) {
            Upgrade.runIfNeeded(directory, SortedTableOptions.defaults());
        }
        // What an older Modyn started on the upgraded directory would write: a snapshot above the new log's start.
        Path late = LegacyDirectory.snapshot(data, 4, List.of(List.of(Mutation.createKeyspace("late"))));
        try (DataDirectory directory = DataDirectory.open(data)) {
            StorageException e = assertThrows(StorageException.class, () -> Upgrade.runIfNeeded(directory, SortedTableOptions.defaults()));
            assertTrue(e.getMessage().contains("no upgrade left") && e.getMessage().contains("nothing was changed"), e.getMessage());
        }
        assertTrue(Files.exists(late));

        Path fresh = data.resolve("fresh");
        try (DataDirectory directory = DataDirectory.open(fresh)) {
            LegacyDirectory.snapshot(fresh, 1, List.of());
            assertThrows(StorageException.class, () -> Upgrade.runIfNeeded(directory, SortedTableOptions.defaults()));
        }
    }

    @Test
    void largeRecordsAndLargeCommitsAreUpgradedWhole() throws IOException {
        java.util.Random random = new java.util.Random(3);
        List<Mutation> bigCommit = new ArrayList<>();
        bigCommit.add(Mutation.createKeyspace("big"));
        Map<String, byte[]> expected = new TreeMap<>();
        for (int i = 0; i < 40; i++) {
            byte[] value = new byte[400 * 1024];
            random.nextBytes(value);
            bigCommit.add(Mutation.put("big", utf8("item" + i), new byte[0], value));
            expected.put("item" + i, value);
        }
        LegacyDirectory.segment(data, 1, List.of(bigCommit));
        try (DataDirectory directory = DataDirectory.open(data)) {
            assertEquals(40, Upgrade.runIfNeeded(directory, SortedTableOptions.defaults()).records());
        }
        KeyspaceEntry big = Manifest.read(data.resolve("manifest")).keyspace("big");
        SortedTable table = SortedTable.open(data.resolve("tables").resolve(Long.toString(big.id()))
                .resolve(SortedTableFiles.fileName(big.tables().get(0).generation())), null);
        try {
            for (Map.Entry<String, byte[]> record : expected.entrySet()) {
                VersionedRecord found = table.get(io.modyn.storage.file.record.OrderedKey.of(utf8(record.getKey()), new byte[0]));
                assertArrayEquals(record.getValue(), found.value(), record.getKey());
            }
            assertEquals(40, table.statistics().recordCount());
        } finally {
            table.release();
        }
    }

    @Test
    void aDamagedOldFileStopsTheUpgradeWithNothingChanged() throws IOException {
        LegacyDirectory.copyGolden(data);
        Path snapshot = data.resolve("snapshots/snapshot-00000000000000000002.db");
        byte[] bytes = Files.readAllBytes(snapshot);
        bytes[40] ^= 0x10;
        Files.write(snapshot, bytes);
        Map<String, String> before = listing(data);
        try (DataDirectory directory = DataDirectory.open(data)) {
            StorageException e = assertThrows(StorageException.class, () -> Upgrade.runIfNeeded(directory, SortedTableOptions.defaults()));
            assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
            assertEquals(FormatVersion.LEGACY, directory.formatVersion());
        }
        Map<String, String> after = listing(data);
        for (Map.Entry<String, String> file : before.entrySet()) {
            if (!file.getValue().startsWith("dir")) assertEquals(file.getValue(), after.get(file.getKey()), file.getKey());
        }
        try (Stream<Path> manifest = Files.list(data.resolve("manifest"))) {
            assertEquals(0, manifest.count());
        }
    }

    @Test
    void aNewerFormatIsRefusedEvenWithOldFilesPresentAndNothingIsTouched() throws IOException {
        LegacyDirectory.copyGolden(data);
        Files.writeString(data.resolve("FORMAT"), "modyn-storage-file 7\n");
        Map<String, String> before = listing(data);
        StorageException e = assertThrows(StorageException.class, () -> DataDirectory.open(data));
        assertTrue(e.getMessage().contains("format 7") && e.getMessage().contains(" to 2"), e.getMessage());
        assertEquals(before, listing(data));
    }

    private static final class SimulatedCrash extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private Path goldenSegmentCopy() throws IOException {
        Path copy = data.resolve("golden-copy");
        LegacyDirectory.copyGolden(copy);
        return copy.resolve("commitlog/commitlog-00000000000000000002.log");
    }

    /**
     * Every record of every keyspace the manifest lists, read from its live tables, as
     * "partition/sort" to value (text, or the byte list for non-UTF-8 values). Each record must
     * carry {@link Sequence#NONE}.
     */
    static Map<String, Map<String, String>> contents(Path root) throws IOException {
        ManifestState state = Manifest.read(root.resolve("manifest"));
        Map<String, Map<String, String>> content = new LinkedHashMap<>();
        for (KeyspaceEntry keyspace : state.keyspaces().values()) {
            Map<String, String> records = new TreeMap<>();
            Path tables = root.resolve("tables").resolve(Long.toString(keyspace.id()));
            for (TableEntry entry : keyspace.tables()) {
                SortedTable table = SortedTable.open(tables.resolve(SortedTableFiles.fileName(entry.generation())), null);
                try (RecordIterator all = table.all()) {
                    while (all.hasNext()) {
                        VersionedRecord record = all.next();
                        assertEquals(Sequence.NONE, record.sequence());
                        records.put(new String(record.key().partition(), StandardCharsets.UTF_8) + "/" + new String(record.key().sort(), StandardCharsets.UTF_8),
                                text(record.value()));
                    }
                } finally {
                    table.release();
                }
            }
            content.put(keyspace.name(), records);
        }
        return content;
    }

    private static String text(byte[] value) {
        String text = new String(value, StandardCharsets.UTF_8);
        return Arrays.equals(text.getBytes(StandardCharsets.UTF_8), value) && text.chars().allMatch(c -> c >= 0x20) ? text : Arrays.toString(value);
    }

    private static Map<String, String> listing(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                String content = Files.isDirectory(path) ? "dir" : Files.getLastModifiedTime(path).toMillis() + " " + Arrays.toString(Files.readAllBytes(path));
                files.put(root.relativize(path).toString(), content);
            }
        }
        return files;
    }
}
