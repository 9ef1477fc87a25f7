package io.modyn.storage.file.lifecycle;

import io.modyn.api.storage.StorageException;
import io.modyn.storage.file.commitlog.CommitLogPosition;
import io.modyn.storage.file.commitlog.FileHeader;
import io.modyn.storage.file.commitlog.FrameReader;
import io.modyn.storage.file.memtable.Memtables;
import io.modyn.storage.file.mutation.Mutation;
import io.modyn.storage.file.mutation.MutationCodec;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads a snapshot written by {@link SnapshotWriter} into memtables. Unlike a commit-log tail, a
 * snapshot is complete by construction (it was renamed into place only after an fsync), so any
 * damage, including a missing end marker, is corruption and fails the load.
 */
final class SnapshotReader {

    private SnapshotReader() {
    }

    /** Applies the snapshot's content; memtables it creates are covered from the snapshot's segment. */
    static void load(Path snapshot, Memtables memtables) throws IOException {
        long replayFromSegment = SnapshotFile.segmentOf(snapshot);
        CommitLogPosition position = CommitLogPosition.startOf(replayFromSegment);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(snapshot), 1 << 16)) {
            if (FileHeader.read(in, SnapshotFile.MAGIC) != replayFromSegment) throw corrupt(snapshot, "its header names another segment");
            FrameReader frames = new FrameReader(in, FileHeader.SIZE, Files.size(snapshot));
            for (byte[] payload = frames.next(); payload != null; payload = frames.next()) {
                List<Mutation> batch = MutationCodec.decode(payload);
                if (batch.isEmpty()) {
                    if (frames.next() != null) throw corrupt(snapshot, "data follows its end marker");
                    return;
                }
                memtables.apply(batch, position);
            }
            throw corrupt(snapshot, "it has no end marker");
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new StorageException("snapshot " + snapshot + " cannot be loaded: " + e.getMessage(), e, false);
        }
    }

    private static StorageException corrupt(Path snapshot, String reason) {
        return new StorageException("snapshot " + snapshot + " is corrupt: " + reason, false);
    }
}
