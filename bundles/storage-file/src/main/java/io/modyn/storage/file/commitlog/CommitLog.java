package io.modyn.storage.file.commitlog;

import io.modyn.api.storage.StorageException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The write-ahead log: every commit is one record, appended by the group-commit writer thread
 * ({@link CommitLogWriter}) and acknowledged as the {@link SyncPolicy} says. Segments roll over at
 * a size target (or on request); segments are deleted once no memtable needs them, that is once
 * the memtables holding their commits are flushed to sorted tables.
 */
public final class CommitLog implements AutoCloseable {

    /** Bounds memory when the disk falls behind: appenders then wait to enqueue. */
    private static final int QUEUE_CAPACITY = 16_384;

    private final Path directory;
    private final BlockingQueue<PendingAppend> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final CommitLogWriter writer;
    private final Thread thread;

    CommitLog(Path directory, long firstSegmentId, SyncPolicy policy, long segmentSize) throws IOException {
        this.directory = directory;
        this.writer = new CommitLogWriter(directory, queue, policy, segmentSize, CommitLogSegment.create(directory, firstSegmentId));
        this.thread = new Thread(writer, "modyn-commitlog-writer");
        this.thread.setDaemon(true);
    }

    /**
     * Opens the log for appending in a new segment. Recovery must have replayed the existing
     * segments first; {@code firstSegmentId} must be above all of them.
     */
    public static CommitLog open(Path directory, long firstSegmentId, SyncPolicy policy, long segmentSize) throws IOException {
        CommitLog log = new CommitLog(directory, firstSegmentId, policy, segmentSize);
        log.start();
        return log;
    }

    void start() {
        thread.start();
    }

    /**
     * Appends one record and waits until the sync policy acknowledges it.
     *
     * @return the position just after the record
     * @throws StorageException retryable if the log is closed, not retryable if it failed
     */
    public CommitLogPosition append(byte[] payload) {
        if (payload.length == 0 || payload.length > RecordFrame.MAX_PAYLOAD) {
            throw new StorageException("a commit of " + payload.length + " bytes cannot be logged", false);
        }
        return submit(new PendingAppend(PendingAppend.Kind.RECORD, payload));
    }

    /** Seals the current segment and starts a new one; returns the position after the new segment's header. */
    public CommitLogPosition switchSegment() {
        return submit(new PendingAppend(PendingAppend.Kind.SWITCH_SEGMENT, null));
    }

    private CommitLogPosition submit(PendingAppend request) {
        if (writer.stopped()) throw writer.stopReason();
        try {
            queue.put(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting to append to the commit log", e, true);
        }
        // The writer may have stopped after the check above and drained the queue before our put.
        if (writer.stopped() && queue.remove(request)) request.fail(writer.stopReason());
        return request.await();
    }

    /** The position just after the last record written. */
    public CommitLogPosition end() {
        return writer.end();
    }

    /** How many times the writer has fsynced segment data: fewer than appends under concurrency. */
    public long syncCount() {
        return writer.syncCount();
    }

    /** Requests waiting for the writer (for tests that line up a group). */
    int waitingCount() {
        return queue.size();
    }

    /** Deletes the segments older than the given one: sorted tables now hold what they recorded. */
    public void deleteSegmentsBefore(long segmentId) throws IOException {
        CommitLogSegment.deleteBefore(directory, segmentId);
    }

    /** Writes and syncs everything queued before this call, then closes the segment. */
    @Override
    public void close() {
        if (!writer.stopped()) {
            try {
                submit(new PendingAppend(PendingAppend.Kind.CLOSE, null));
            } catch (StorageException alreadyStopped) {
                // Closed or failed concurrently: either way there is nothing left to flush.
            }
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
