package io.modyn.storage.file.commitlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.storage.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitLogReplayerTest {

    private static final long SEGMENT_SIZE = 1 << 20;

    @TempDir
    Path directory;

    private static byte[] payload(int i) {
        return new byte[] {(byte) i, (byte) (i * 3), 42};
    }

    /** Writes {@code perSegment} records into each of {@code segments} segments starting at id 1. */
    private void writeLog(int segments, int perSegment) {
        try (CommitLog log = CommitLog.open(directory, 1, new GroupSyncPolicy(Duration.ZERO), SEGMENT_SIZE)) {
            for (int s = 0; s < segments; s++) {
                if (s > 0) log.switchSegment();
                for (int i = 0; i < perSegment; i++) log.append(payload(s * perSegment + i));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private List<byte[]> replay(long from) throws IOException {
        List<byte[]> payloads = new ArrayList<>();
        CommitLogReplayer.replay(directory, from, (payload, position) -> payloads.add(payload));
        return payloads;
    }

    private Path segment(long id) {
        return directory.resolve(CommitLogSegment.fileName(id));
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    @Test
    void tornLastRecordIsIgnoredAndCutOff() throws IOException {
        writeLog(2, 3);
        long size = Files.size(segment(2));
        truncate(segment(2), size - 1);

        List<byte[]> replayed = replay(0);

        assertEquals(5, replayed.size());
        assertArrayEquals(payload(4), replayed.get(4));
        assertEquals(size - RecordFrame.HEADER_SIZE - payload(5).length, Files.size(segment(2)), "torn tail truncated");
        assertEquals(5, replay(0).size(), "a second replay sees a clean log");
    }

    @Test
    void garbageAfterTheLastRecordIsIgnored() throws IOException {
        writeLog(1, 2);
        long size = Files.size(segment(1));
        Files.write(segment(1), new byte[] {0, 0, 0, 9, 1, 2, 3}, StandardOpenOption.APPEND);
        assertEquals(2, replay(0).size());
        assertEquals(size, Files.size(segment(1)));
    }

    @Test
    void corruptionInAnOlderSegmentStopsRecovery() throws IOException {
        writeLog(2, 3);
        truncate(segment(1), Files.size(segment(1)) - 1);
        StorageException e = assertThrows(StorageException.class, () -> replay(0));
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains(CommitLogSegment.fileName(1)), e.getMessage());
    }

    @Test
    void newestSegmentWithATornHeaderIsRemoved() throws IOException {
        writeLog(1, 2);
        Files.write(segment(2), new byte[] {'M', 'D', 'Y'});
        CommitLogReplayer.Result result = CommitLogReplayer.replay(directory, 0, (payload, position) -> { });
        assertEquals(1, result.lastSegmentId());
        assertEquals(2, result.records());
        assertFalse(Files.exists(segment(2)));
    }

    @Test
    void newestSegmentWithRecordsBehindADamagedHeaderStopsRecovery() throws IOException {
        writeLog(1, 2);
        long size = Files.size(segment(1));
        try (FileChannel channel = FileChannel.open(segment(1), StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {'X'}), 0);
        }
        StorageException e = assertThrows(StorageException.class, () -> replay(0));
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains(CommitLogSegment.fileName(1)) && e.getMessage().contains("checksum"), e.getMessage());
        assertEquals(size, Files.size(segment(1)), "the records are kept for whoever repairs them");
    }

    @Test
    void aSegmentInANewerFormatStopsRecoveryAndSaysSo() throws IOException {
        writeLog(1, 2);
        ByteBuffer header = ByteBuffer.allocate(FileHeader.SIZE);
        header.put(CommitLogSegment.MAGIC).putInt(FileHeader.VERSION + 1).putLong(1);
        CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, FileHeader.SIZE - 4);
        header.putInt((int) crc.getValue()).flip();
        try (FileChannel channel = FileChannel.open(segment(1), StandardOpenOption.WRITE)) {
            channel.write(header, 0);
        }
        StorageException e = assertThrows(StorageException.class, () -> replay(0));
        assertTrue(e.getMessage().contains("unsupported format version " + (FileHeader.VERSION + 1)), e.getMessage());
        assertTrue(e.getMessage().contains("newer Modyn"), e.getMessage());
        assertTrue(Files.exists(segment(1)));
    }

    @Test
    void replayStartsAtTheRequestedSegment() throws IOException {
        writeLog(3, 2);
        List<byte[]> replayed = replay(2);
        assertEquals(4, replayed.size());
        assertArrayEquals(payload(2), replayed.get(0));
    }

    @Test
    void emptyDirectoryReplaysNothing() throws IOException {
        CommitLogReplayer.Result result = CommitLogReplayer.replay(directory, 0, (payload, position) -> { });
        assertEquals(-1, result.lastSegmentId());
        assertEquals(0, result.records());
    }
}
