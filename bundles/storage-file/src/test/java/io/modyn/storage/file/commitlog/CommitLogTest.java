package io.modyn.storage.file.commitlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.storage.StorageException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CommitLogTest {

    private static final long SEGMENT_SIZE = 1 << 20;

    @TempDir
    Path directory;

    private static byte[] payload(int i, int size) {
        byte[] bytes = new byte[size];
        for (int j = 0; j < size; j++) bytes[j] = (byte) (i + j);
        return bytes;
    }

    private List<byte[]> replayAll() throws IOException {
        List<byte[]> payloads = new ArrayList<>();
        CommitLogReplayer.replay(directory, 0, (payload, position) -> payloads.add(payload));
        return payloads;
    }

    @Test
    void appendsAreReplayedInOrderAfterIncreasingPositions() throws IOException {
        List<CommitLogPosition> positions = new ArrayList<>();
        try (CommitLog log = CommitLog.open(directory, 1, new GroupSyncPolicy(Duration.ZERO), SEGMENT_SIZE)) {
            for (int i = 0; i < 20; i++) positions.add(log.append(payload(i, 10 + i)));
        }
        for (int i = 1; i < positions.size(); i++) assertTrue(positions.get(i).compareTo(positions.get(i - 1)) > 0);
        List<byte[]> replayed = replayAll();
        assertEquals(20, replayed.size());
        for (int i = 0; i < 20; i++) assertArrayEquals(payload(i, 10 + i), replayed.get(i));
    }

    @Test
    void replayReportsThePositionAfterEachRecord() throws IOException {
        List<CommitLogPosition> appended = new ArrayList<>();
        try (CommitLog log = CommitLog.open(directory, 1, new GroupSyncPolicy(Duration.ZERO), SEGMENT_SIZE)) {
            for (int i = 0; i < 5; i++) appended.add(log.append(payload(i, 100)));
        }
        List<CommitLogPosition> replayed = new ArrayList<>();
        CommitLogReplayer.replay(directory, 0, (payload, position) -> replayed.add(position));
        assertEquals(appended, replayed);
    }

    @Test
    void fullSegmentsRollOver() throws IOException {
        try (CommitLog log = CommitLog.open(directory, 1, new GroupSyncPolicy(Duration.ZERO), 4096)) {
            for (int i = 0; i < 100; i++) log.append(payload(i, 200));
        }
        assertTrue(CommitLogSegment.list(directory).size() > 3, "segments: " + CommitLogSegment.list(directory));
        List<byte[]> replayed = replayAll();
        assertEquals(100, replayed.size());
        for (int i = 0; i < 100; i++) assertArrayEquals(payload(i, 200), replayed.get(i));
    }

    @Test
    void recordLargerThanTheWriteBufferAndTheSegmentRoundTrips() throws IOException {
        byte[] large = payload(3, 3 << 20);
        try (CommitLog log = CommitLog.open(directory, 1, new GroupSyncPolicy(Duration.ZERO), SEGMENT_SIZE)) {
            log.append(payload(1, 10));
            log.append(large);
            log.append(payload(2, 10));
        }
        List<byte[]> replayed = replayAll();
        assertEquals(3, replayed.size());
        assertArrayEquals(large, replayed.get(1));
        assertArrayEquals(payload(2, 10), replayed.get(2));
    }

    @Test
    @Timeout(60)
    void commitsWaitingTogetherShareOneFsync() throws Exception {
        int writers = 16;
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try (CommitLog log = new CommitLog(directory, 1, new GroupSyncPolicy(Duration.ZERO), SEGMENT_SIZE)) {
            List<Future<CommitLogPosition>> appends = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                byte[] payload = payload(i, 64);
                appends.add(threads.submit(() -> log.append(payload)));
            }
            // The writer is not running yet, so all sixteen commits line up as one group.
            while (log.waitingCount() < writers) Thread.sleep(1);
            log.start();
            for (Future<CommitLogPosition> append : appends) append.get();
            assertEquals(1, log.syncCount());
        } finally {
            threads.shutdownNow();
            assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS));
        }
        assertEquals(writers, replayAll().size());
    }

    @Test
    void switchingSegmentsStartsTheNextOne() throws IOException {
        try (CommitLog log = CommitLog.open(directory, 7, new GroupSyncPolicy(Duration.ZERO), SEGMENT_SIZE)) {
            log.append(payload(1, 10));
            CommitLogPosition start = log.switchSegment();
            assertEquals(new CommitLogPosition(8, FileHeader.SIZE), start);
            assertEquals(start, log.end(), "nothing written since the switch");
            assertEquals(8, log.append(payload(2, 10)).segmentId());
        }
        assertEquals(List.of(7L, 8L), CommitLogSegment.list(directory).stream().map(CommitLogSegment::idOf).toList());
    }

    @Test
    void deletingSegmentsKeepsTheNewerOnes() throws IOException {
        try (CommitLog log = CommitLog.open(directory, 1, new GroupSyncPolicy(Duration.ZERO), SEGMENT_SIZE)) {
            log.append(payload(1, 10));
            log.switchSegment();
            log.append(payload(2, 10));
            log.deleteSegmentsBefore(2);
        }
        List<byte[]> replayed = replayAll();
        assertEquals(1, replayed.size());
        assertArrayEquals(payload(2, 10), replayed.get(0));
    }

    @Test
    void periodicPolicyAcknowledgesBeforeSyncingAndCloseSyncs() throws IOException {
        CommitLog log = CommitLog.open(directory, 1, new PeriodicSyncPolicy(Duration.ofHours(1)), SEGMENT_SIZE);
        log.append(payload(1, 10));
        log.append(payload(2, 10));
        assertEquals(0, log.syncCount(), "the interval has not passed");
        log.close();
        assertEquals(1, log.syncCount());
        assertEquals(2, replayAll().size());
    }

    @Test
    void batchPolicyAcknowledgesAfterSyncing() throws IOException {
        try (CommitLog log = CommitLog.open(directory, 1, new GroupSyncPolicy(Duration.ofMillis(2)), SEGMENT_SIZE)) {
            log.append(payload(1, 10));
            assertEquals(1, log.syncCount());
        }
    }

    @Test
    void closedLogRefusesAppendsRetryably() throws IOException {
        CommitLog log = CommitLog.open(directory, 1, new GroupSyncPolicy(Duration.ZERO), SEGMENT_SIZE);
        log.close();
        log.close();
        StorageException e = assertThrows(StorageException.class, () -> log.append(payload(1, 10)));
        assertTrue(e.retryable());
    }

    @Test
    void emptyAndOversizedPayloadsAreRefused() throws IOException {
        try (CommitLog log = CommitLog.open(directory, 1, new GroupSyncPolicy(Duration.ZERO), SEGMENT_SIZE)) {
            StorageException e = assertThrows(StorageException.class, () -> log.append(new byte[0]));
            assertFalse(e.retryable());
        }
    }
}
