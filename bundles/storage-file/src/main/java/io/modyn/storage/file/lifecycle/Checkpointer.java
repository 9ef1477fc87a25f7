package io.modyn.storage.file.lifecycle;

import io.modyn.storage.file.commitlog.CommitLog;
import io.modyn.storage.file.commitlog.CommitLogPosition;
import io.modyn.storage.file.memtable.Memtable;
import io.modyn.storage.file.memtable.Memtables;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;

/**
 * Bounds the commit log and recovery time: writes every memtable to a snapshot, then deletes the
 * log segments and older snapshots it covers.
 *
 * <p>The snapshot is fuzzy: commits continue while it is written. That is sound because of how it
 * starts. With commits paused (the barrier held exclusively) the log switches to a new segment N,
 * so every commit before N is applied and every commit after it lands in N or later; then commits
 * resume and the memtables are copied. Each record in the snapshot is its value at some moment
 * after the switch. Recovery loads the snapshot and replays segments from N in order; any key
 * changed after the switch is set again by that replay to its last logged value, and any key not
 * changed after it was copied exactly. Keyspace drops and creations replay the same way.
 */
public final class Checkpointer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Checkpointer.class.getName());

    private final DataDirectory directory;
    private final CommitLog commitLog;
    private final Memtables memtables;
    private final CommitBarrier barrier;
    private CommitLogPosition lastCheckpoint;
    private boolean closed;

    public Checkpointer(DataDirectory directory, CommitLog commitLog, Memtables memtables, CommitBarrier barrier, CommitLogPosition lastCheckpoint) {
        this.directory = directory;
        this.commitLog = commitLog;
        this.memtables = memtables;
        this.barrier = barrier;
        this.lastCheckpoint = lastCheckpoint;
    }

    /** Writes a checkpoint unless nothing was logged since the last one; returns whether it did. */
    public synchronized boolean checkpoint() throws IOException {
        if (closed) return false;
        CommitLogPosition start;
        List<Memtable> live;
        try (CommitBarrier.Section paused = barrier.exclusive()) {
            if (commitLog.end().equals(lastCheckpoint)) return false;
            start = commitLog.switchSegment();
            live = memtables.all();
        }
        long began = System.nanoTime();
        Path snapshot = SnapshotWriter.write(directory.snapshots(), start.segmentId(), live);
        for (Memtable memtable : live) memtable.persistedUpTo(start);
        lastCheckpoint = start;
        commitLog.deleteSegmentsBefore(deletableBefore(start).segmentId());
        SnapshotFile.deleteOlderThan(directory.snapshots(), start.segmentId());
        LOG.fine(() -> "Checkpoint " + snapshot.getFileName() + " of " + live.size() + " keyspaces in "
                + (System.nanoTime() - began) / 1_000_000 + " ms");
        return true;
    }

    /**
     * The oldest log position still needed: the snapshot's start, or an older lower bound of a
     * live memtable. A dropped keyspace has no memtable, but its drop is logged after the snapshot
     * start, so the snapshot start itself bounds what may go.
     */
    private CommitLogPosition deletableBefore(CommitLogPosition snapshotStart) {
        CommitLogPosition bound = snapshotStart;
        for (Memtable memtable : memtables.all()) {
            if (memtable.commitLogLowerBound().compareTo(bound) < 0) bound = memtable.commitLogLowerBound();
        }
        return bound;
    }

    /** Waits for a checkpoint in progress; none starts afterwards. */
    @Override
    public synchronized void close() {
        closed = true;
    }
}
