package io.modyn.storage.file.lifecycle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.storage.StorageException;
import io.modyn.storage.file.commitlog.CommitLogPosition;
import io.modyn.storage.file.memtable.Memtable;
import io.modyn.storage.file.memtable.Memtables;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTest {

    @TempDir
    Path directory;

    private static Memtable memtable(String name, int records, int valueSize) {
        Memtable memtable = new Memtable(name, CommitLogPosition.startOf(1));
        for (int i = 0; i < records; i++) memtable.put(new byte[] {(byte) i, (byte) (i >> 8)}, new byte[] {(byte) (i % 3)}, new byte[valueSize]);
        return memtable;
    }

    @Test
    void snapshotLoadsBackEveryKeyspaceAndRecord() throws IOException {
        Memtable table = memtable("table", 3000, 700);
        Memtable empty = new Memtable("empty", CommitLogPosition.startOf(1));
        Path file = SnapshotWriter.write(directory, 12, List.of(table, empty));

        Memtables loaded = new Memtables();
        SnapshotReader.load(file, loaded);

        assertEquals(2, loaded.size());
        assertEquals(table.statistics(), loaded.get("table").statistics());
        assertEquals(0, loaded.get("empty").statistics().recordCount());
        assertArrayEquals(new byte[700], loaded.get("table").get(new byte[] {5, 0}, new byte[] {2}));
        assertEquals(CommitLogPosition.startOf(12), loaded.get("table").commitLogLowerBound());
    }

    @Test
    void snapshotIsPublishedUnderItsFinalNameOnly() throws IOException {
        Path file = SnapshotWriter.write(directory, 3, List.of(memtable("t", 5, 10)));
        assertEquals(SnapshotFile.path(directory, 3), file);
        assertFalse(Files.exists(SnapshotFile.temporary(directory, 3)));
        assertEquals(List.of(file), SnapshotFile.list(directory));
    }

    @Test
    void truncatedSnapshotIsCorrupt() throws IOException {
        Path file = SnapshotWriter.write(directory, 3, List.of(memtable("t", 50, 10)));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 20);
        }
        StorageException e = assertThrows(StorageException.class, () -> SnapshotReader.load(file, new Memtables()));
        assertFalse(e.retryable());
    }

    @Test
    void snapshotCutAtAFrameBoundaryLacksItsEndMarker() throws IOException {
        Path file = SnapshotWriter.write(directory, 3, List.of(memtable("t", 5, 10)));
        long endMarker = 8 + 1 + 4;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - endMarker);
        }
        StorageException e = assertThrows(StorageException.class, () -> SnapshotReader.load(file, new Memtables()));
        assertTrue(e.getMessage().contains("end marker"), e.getMessage());
    }

    @Test
    void olderAndTemporarySnapshotsAreCleanedUp() throws IOException {
        SnapshotWriter.write(directory, 2, List.of());
        SnapshotWriter.write(directory, 5, List.of());
        Files.write(SnapshotFile.temporary(directory, 9), new byte[] {1, 2, 3});
        SnapshotFile.deleteTemporary(directory);
        SnapshotFile.deleteOlderThan(directory, 5);
        try (var files = Files.list(directory)) {
            assertEquals(List.of(SnapshotFile.path(directory, 5)), files.toList());
        }
    }
}
