package io.modyn.storage.file.lifecycle;

import io.modyn.api.storage.StorageException;
import io.modyn.storage.file.commitlog.CommitLogPosition;
import io.modyn.storage.file.commitlog.CommitLogReplayer;
import io.modyn.storage.file.commitlog.CommitLogSegment;
import io.modyn.storage.file.memtable.Memtables;
import io.modyn.storage.file.mutation.MutationCodec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;

/**
 * Rebuilds memtables at startup: load the newest complete snapshot, then replay every commit-log
 * segment from the one it names. Files a crash left behind are cleaned up first: half-written
 * snapshots, and segments or snapshots that a newer snapshot already covers (a checkpoint deletes
 * them only after its snapshot is durable, so a crash in between leaves them).
 */
public final class Recovery {

    private static final Logger LOG = Logger.getLogger(Recovery.class.getName());

    /**
     * What recovery found.
     *
     * @param checkpoint the position the newest snapshot covers, or null if there was none
     * @param nextSegmentId the id for the commit log's next segment: above every existing one
     * @param recordsReplayed commit-log records replayed on top of the snapshot
     */
    public record Result(CommitLogPosition checkpoint, long nextSegmentId, long recordsReplayed) {
    }

    private Recovery() {
    }

    public static Result recover(DataDirectory directory, Memtables memtables) throws IOException {
        SnapshotFile.deleteTemporary(directory.snapshots());
        List<Path> snapshots = SnapshotFile.list(directory.snapshots());
        long replayFrom = 1;
        CommitLogPosition checkpoint = null;
        if (!snapshots.isEmpty()) {
            Path newest = snapshots.get(snapshots.size() - 1);
            SnapshotReader.load(newest, memtables);
            replayFrom = SnapshotFile.segmentOf(newest);
            checkpoint = CommitLogPosition.startOf(replayFrom);
            SnapshotFile.deleteOlderThan(directory.snapshots(), replayFrom);
            CommitLogSegment.deleteBefore(directory.commitLog(), replayFrom);
            LOG.fine(() -> "Loaded snapshot " + newest);
        }
        CommitLogReplayer.Result replay = CommitLogReplayer.replay(directory.commitLog(), replayFrom, (payload, position) -> {
            try {
                memtables.apply(MutationCodec.decode(payload), position);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new StorageException("commit-log record before " + position + " cannot be applied: " + e.getMessage(), e, false);
            }
        });
        long nextSegmentId = Math.max(replay.lastSegmentId() + 1, replayFrom);
        return new Result(checkpoint, nextSegmentId, replay.records());
    }
}
