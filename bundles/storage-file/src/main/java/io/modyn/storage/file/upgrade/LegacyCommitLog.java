package io.modyn.storage.file.upgrade;

import io.modyn.api.storage.StorageException;
import io.modyn.storage.file.commitlog.CommitLogPosition;
import io.modyn.storage.file.commitlog.CommitLogSegment;
import io.modyn.storage.file.commitlog.CorruptFrameException;
import io.modyn.storage.file.commitlog.FileHeader;
import io.modyn.storage.file.commitlog.FrameReader;
import io.modyn.storage.file.mutation.MutationCodec;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Replays a format-1 commit log into {@link LegacyData} by the rules format-1 recovery used
 * (FORMAT.md, version 1 "Recovery"), but reading only: a torn tail of the newest segment is
 * skipped, not truncated, since until the upgrade completes the old files must stay as they were.
 * Damage anywhere else would lose acknowledged commits and stops the upgrade.
 */
final class LegacyCommitLog {

    private static final Logger LOG = Logger.getLogger(LegacyCommitLog.class.getName());
    private static final byte[] MAGIC = "MDYNCLOG".getBytes(StandardCharsets.US_ASCII);

    /**
     * What replay found.
     *
     * @param end the position after the last record replayed, or the start of the first segment
     *     to replay if there was none
     * @param records how many records (commits) were replayed
     */
    record Replayed(CommitLogPosition end, long records) {
    }

    private LegacyCommitLog() {
    }

    static Replayed replay(Path directory, long firstSegmentId, LegacyData data) throws IOException {
        List<Path> segments = CommitLogSegment.list(directory);
        segments.removeIf(path -> CommitLogSegment.idOf(path) < firstSegmentId);
        CommitLogPosition end = CommitLogPosition.startOf(firstSegmentId);
        long records = 0;
        for (int i = 0; i < segments.size(); i++) {
            Path segment = segments.get(i);
            boolean newest = i == segments.size() - 1;
            long id = CommitLogSegment.idOf(segment);
            long size = Files.size(segment);
            try (InputStream in = new BufferedInputStream(Files.newInputStream(segment), 1 << 16)) {
                try {
                    if (FileHeader.read(in, MAGIC) != id) throw new CorruptFrameException(0, "header names another segment");
                } catch (CorruptFrameException e) {
                    // A newest segment no longer than a header is one whose creation a crash interrupted: it holds nothing.
                    if (!newest || size > FileHeader.SIZE) throw corrupt(segment, e);
                    end = CommitLogPosition.startOf(id);
                    continue;
                }
                FrameReader frames = new FrameReader(in, FileHeader.SIZE, size);
                end = new CommitLogPosition(id, FileHeader.SIZE);
                try {
                    for (byte[] payload = frames.next(); payload != null; payload = frames.next()) {
                        data.apply(MutationCodec.decode(payload));
                        records++;
                        end = new CommitLogPosition(id, frames.offset());
                    }
                } catch (CorruptFrameException e) {
                    if (!newest) throw corrupt(segment, e);
                    LOG.log(Level.WARNING, "Skipping {0} bytes of an incomplete commit at the end of {1} (a crash interrupted it before it was acknowledged)",
                            new Object[] {size - frames.offset(), segment});
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new StorageException("format-1 commit-log segment " + segment + " cannot be upgraded (" + e.getMessage()
                        + "); nothing was changed", e, false);
            }
        }
        return new Replayed(end, records);
    }

    private static StorageException corrupt(Path segment, CorruptFrameException e) {
        return new StorageException("format-1 commit-log segment " + segment + " cannot be read (" + e.getMessage()
                + "); it holds acknowledged commits, so the upgrade stops and nothing was changed", e, false);
    }
}
