package io.modyn.storage.file.commitlog;

import io.modyn.api.storage.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

/**
 * The single thread that writes the commit log: group commit. It takes every request waiting in
 * the queue (after gathering for the policy's window, if any), frames them into one reusable
 * direct buffer, writes them, fsyncs once, and only then wakes all their threads. While it syncs,
 * new commits queue up and form the next group, so under load many writers share each fsync.
 *
 * <p>Any I/O error stops the writer for good: after a failed fsync the state of the file is
 * unknown (Linux may drop the dirty pages), so carrying on could acknowledge writes that are not
 * there. Every waiting and later request fails with a non-retryable error until the storage is
 * reopened and recovers from what is on disk.
 */
final class CommitLogWriter implements Runnable {

    private static final int BUFFER_SIZE = 1 << 20;

    private final Path directory;
    private final BlockingQueue<PendingAppend> queue;
    private final SyncPolicy policy;
    private final long segmentSize;
    private final CRC32C crc = new CRC32C();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
    private final ByteBuffer largeFrameHeader = ByteBuffer.allocate(RecordFrame.HEADER_SIZE);
    private final List<PendingAppend> batch = new ArrayList<>();

    private CommitLogSegment segment;
    private boolean unsynced;
    private long lastSyncNanos = System.nanoTime();

    private volatile CommitLogPosition end;
    private volatile long syncCount;
    private volatile boolean stopped;
    private volatile Throwable failure;

    CommitLogWriter(Path directory, BlockingQueue<PendingAppend> queue, SyncPolicy policy, long segmentSize, CommitLogSegment first) {
        this.directory = directory;
        this.queue = queue;
        this.policy = policy;
        this.segmentSize = segmentSize;
        this.segment = first;
        this.end = new CommitLogPosition(first.id(), first.size());
    }

    @Override
    public void run() {
        try {
            boolean closing = false;
            while (!closing) {
                PendingAppend first = nextRequest();
                if (first == null) {
                    syncIfDue();
                    continue;
                }
                batch.add(first);
                gather();
                queue.drainTo(batch);
                closing = write(batch);
                if (closing || policy.syncBeforeAcknowledge()) sync(); else syncIfDue();
                for (PendingAppend request : batch) request.complete();
                batch.clear();
            }
            segment.close();
        } catch (Throwable t) {
            failure = t;
            StorageException error = stopReason();
            for (PendingAppend request : batch) request.fail(error);
            closeQuietly();
        } finally {
            stopped = true;
            // Whoever enqueued before this drain is failed here; later callers see `stopped` and withdraw.
            List<PendingAppend> leftovers = new ArrayList<>();
            queue.drainTo(leftovers);
            for (PendingAppend request : leftovers) request.fail(stopReason());
        }
    }

    private PendingAppend nextRequest() throws InterruptedException {
        if (!unsynced || policy.syncBeforeAcknowledge()) return queue.take();
        long untilSync = policy.syncInterval().toNanos() - (System.nanoTime() - lastSyncNanos);
        return queue.poll(Math.max(0, untilSync), TimeUnit.NANOSECONDS);
    }

    /** Waits up to the policy's window for more commits to join the group. */
    private void gather() throws InterruptedException {
        long window = policy.groupWindow().toNanos();
        if (window <= 0) return;
        long deadline = System.nanoTime() + window;
        for (long remaining = window; remaining > 0; remaining = deadline - System.nanoTime()) {
            PendingAppend next = queue.poll(remaining, TimeUnit.NANOSECONDS);
            if (next == null) return;
            batch.add(next);
            if (next.kind != PendingAppend.Kind.RECORD) return;
        }
    }

    /** Writes the group; returns true if it ends with a close request (anything after it is refused). */
    private boolean write(List<PendingAppend> requests) throws IOException {
        for (int i = 0; i < requests.size(); i++) {
            PendingAppend request = requests.get(i);
            switch (request.kind) {
                case RECORD -> append(request);
                case SWITCH_SEGMENT -> request.position(switchSegment());
                case CLOSE -> {
                    List<PendingAppend> refused = requests.subList(i + 1, requests.size());
                    for (PendingAppend late : refused) late.fail(closedError());
                    refused.clear();
                    flush();
                    return true;
                }
            }
        }
        flush();
        return false;
    }

    private void append(PendingAppend request) throws IOException {
        byte[] payload = request.payload;
        int frameSize = RecordFrame.HEADER_SIZE + payload.length;
        long written = segment.size() + buffer.position();
        if (written > FileHeader.SIZE && written + frameSize > segmentSize) switchSegment();
        if (frameSize > buffer.remaining()) flush();
        if (frameSize <= buffer.capacity()) {
            RecordFrame.writeHeader(buffer, payload, crc);
            buffer.put(payload);
        } else {
            largeFrameHeader.clear();
            RecordFrame.writeHeader(largeFrameHeader, payload, crc);
            segment.write(largeFrameHeader.flip());
            segment.write(ByteBuffer.wrap(payload));
            unsynced = true;
        }
        request.position(new CommitLogPosition(segment.id(), segment.size() + buffer.position()));
    }

    private void flush() throws IOException {
        if (buffer.position() > 0) {
            buffer.flip();
            segment.write(buffer);
            buffer.clear();
            unsynced = true;
        }
        end = new CommitLogPosition(segment.id(), segment.size());
    }

    /** Seals the current segment (fsynced) and starts the next; returns the position after its header. */
    private CommitLogPosition switchSegment() throws IOException {
        flush();
        sync();
        segment.close();
        segment = CommitLogSegment.create(directory, segment.id() + 1);
        end = new CommitLogPosition(segment.id(), segment.size());
        return end;
    }

    private void sync() throws IOException {
        if (!unsynced) return;
        segment.sync();
        unsynced = false;
        lastSyncNanos = System.nanoTime();
        syncCount++;
    }

    private void syncIfDue() throws IOException {
        if (unsynced && System.nanoTime() - lastSyncNanos >= policy.syncInterval().toNanos()) sync();
    }

    private void closeQuietly() {
        try {
            segment.close();
        } catch (IOException ignored) {
            // Already failing with the first error; the second says nothing new.
        }
    }

    /** The position just after the last record handed to the operating system. */
    CommitLogPosition end() {
        return end;
    }

    long syncCount() {
        return syncCount;
    }

    boolean stopped() {
        return stopped;
    }

    /** Why requests are refused once the writer has stopped. */
    StorageException stopReason() {
        Throwable cause = failure;
        if (cause == null) return closedError();
        return new StorageException("the commit log failed and accepts no more writes until storage is restarted: " + cause, cause, false);
    }

    private static StorageException closedError() {
        return new StorageException("the commit log is closed", true);
    }
}
