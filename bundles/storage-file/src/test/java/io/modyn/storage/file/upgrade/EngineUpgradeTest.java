package io.modyn.storage.file.upgrade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.storage.file.FileStorageEngine;
import io.modyn.storage.file.FileStorageOptions;
import io.modyn.storage.file.commitlog.CommitLogSegment;
import io.modyn.storage.file.lifecycle.DataDirectory;
import io.modyn.storage.file.lifecycle.LegacyFiles;
import io.modyn.storage.file.mutation.Mutation;
import io.modyn.storage.file.sstable.SortedTableOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upgrade as the engine runs it at its first start on a format-1 directory. */
class EngineUpgradeTest {

    @TempDir
    Path data;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String get(FileStorageEngine engine, String keyspace, String partition) {
        byte[] value = engine.get(keyspace, utf8(partition), new byte[0]);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private static int count(FileStorageEngine engine, String keyspace) {
        int count = 0;
        try (RecordCursor cursor = engine.scan(keyspace, 0, 1, null)) {
            while (cursor.hasNext()) {
                cursor.next();
                count++;
            }
        }
        return count;
    }

    @Test
    void upgradedRecordsAreShadowedByNewWritesAcrossRestarts() throws IOException {
        List<Mutation> puts = new ArrayList<>();
        for (int i = 0; i < 100; i++) puts.add(Mutation.put("t", utf8("k" + i), new byte[0], utf8("old")));
        LegacyDirectory.snapshot(data, 4, List.of(List.of(Mutation.createKeyspace("t")), puts));
        LegacyDirectory.segment(data, 4, List.of(
                List.of(Mutation.put("t", utf8("k0"), new byte[0], utf8("log"))),
                List.of(Mutation.delete("t", utf8("k1"), new byte[0]))));
        LegacyDirectory.segment(data, 5, List.of(
                List.of(Mutation.createKeyspace("u")),
                List.of(Mutation.put("u", utf8("a"), new byte[0], utf8("in u")))));

        try (FileStorageEngine engine = FileStorageEngine.open(FileStorageOptions.defaults(data))) {
            assertEquals("log", get(engine, "t", "k0"));
            assertNull(get(engine, "t", "k1"));
            assertEquals("old", get(engine, "t", "k2"));
            assertEquals("in u", get(engine, "u", "a"));
            try (StorageTransaction tx = engine.begin()) {
                tx.put("t", utf8("k2"), new byte[0], utf8("new"));
                tx.delete("t", utf8("k3"), new byte[0]);
                tx.put("t", utf8("k200"), new byte[0], utf8("new"));
                tx.commit();
            }
            assertEquals("new", get(engine, "t", "k2"));
        }
        assertEquals(List.of(), LegacyFiles.snapshots(data.resolve("snapshots")));
        for (Path segment : CommitLogSegment.list(data.resolve("commitlog"))) {
            assertTrue(CommitLogSegment.idOf(segment) >= 6, "new segment " + segment + " above the old ones");
        }

        // Once from the commit log, once from the tables after a flush: newer writes win over the upgraded ones either way.
        for (boolean flush : new boolean[] {false, true, false}) {
            try (FileStorageEngine engine = FileStorageEngine.open(FileStorageOptions.defaults(data))) {
                assertEquals("log", get(engine, "t", "k0"));
                assertNull(get(engine, "t", "k1"));
                assertEquals("new", get(engine, "t", "k2"));
                assertNull(get(engine, "t", "k3"));
                assertEquals("old", get(engine, "t", "k4"));
                assertEquals("new", get(engine, "t", "k200"));
                assertEquals(99, count(engine, "t"));
                assertEquals("in u", get(engine, "u", "a"));
                if (flush) assertTrue(engine.flush());
            }
        }
    }

    @Test
    void anUpgradeStoppedAfterItsCommitPointIsFinishedByTheEngine() throws IOException {
        LegacyDirectory.copyGolden(data);
        try (DataDirectory directory = DataDirectory.open(data)) {
            assertThrows(IllegalStateException.class, () -> Upgrade.runIfNeeded(directory, SortedTableOptions.defaults(), step -> {
                if (step == Upgrade.Step.FORMAT_WRITTEN) throw new IllegalStateException("crash");
            }));
        }
        assertFalse(CommitLogSegment.list(data.resolve("commitlog")).isEmpty(), "the old segment is still there");
        try (FileStorageEngine engine = FileStorageEngine.open(FileStorageOptions.defaults(data))) {
            assertFalse(engine.keyspaceExists("dropped"));
            assertEquals("in snapshot", new String(engine.get("table", utf8("alice"), utf8("2024")), StandardCharsets.UTF_8));
            assertEquals("from commit log", get(engine, "table", "bob"));
            assertArrayEquals(new byte[] {0, (byte) 0xff}, engine.get("table.index", utf8("idx"), utf8("alice")));
            assertEquals(2, count(engine, "table"));
        }
        assertEquals(List.of(), LegacyFiles.snapshots(data.resolve("snapshots")));
        for (Path segment : CommitLogSegment.list(data.resolve("commitlog"))) assertTrue(CommitLogSegment.idOf(segment) >= 3, segment.toString());
        assertTrue(Files.exists(data.resolve("FORMAT")));
    }
}
