package io.modyn.storage.file.commitlog;

import io.modyn.api.storage.StorageException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Replays commit-log segments in order at startup, handing each intact record to a handler.
 *
 * <p>A crash can leave only the newest segment incomplete: older segments were fsynced when the
 * writer moved past them. So an invalid frame (torn length, short payload, checksum mismatch) in
 * the last segment is the torn tail of an unacknowledged commit: replay stops there and the tail
 * is truncated, so that the next start does not meet it in what is then an older segment. The
 * record is ignored entirely, which is what makes a multi-keyspace commit atomic on recovery. An
 * invalid frame in any older segment, or an invalid header on a segment that holds more than its
 * header, is real corruption (or a format this server does not know) and stops the start rather
 * than silently dropping acknowledged commits.
 */
public final class CommitLogReplayer {

    private static final Logger LOG = Logger.getLogger(CommitLogReplayer.class.getName());

    /** Receives each intact record with the position just after it. */
    @FunctionalInterface
    public interface RecordHandler {
        void replay(byte[] payload, CommitLogPosition position);
    }

    /** What replay found: the newest segment id (or -1 if none) and how many records it replayed. */
    public record Result(long lastSegmentId, long records) {
    }

    private CommitLogReplayer() {
    }

    /** Replays every segment whose id is at least {@code firstSegmentId}. */
    public static Result replay(Path directory, long firstSegmentId, RecordHandler handler) throws IOException {
        List<Path> segments = CommitLogSegment.list(directory);
        segments.removeIf(path -> CommitLogSegment.idOf(path) < firstSegmentId);
        long lastSegmentId = -1;
        long records = 0;
        for (int i = 0; i < segments.size(); i++) {
            Path path = segments.get(i);
            boolean newest = i == segments.size() - 1;
            long replayed = replaySegment(path, newest, handler);
            if (replayed >= 0) {
                records += replayed;
                lastSegmentId = CommitLogSegment.idOf(path);
            }
        }
        return new Result(lastSegmentId, records);
    }

    /** Returns the number of records replayed, or -1 if the segment was an empty torn file and is gone. */
    private static long replaySegment(Path path, boolean newest, RecordHandler handler) throws IOException {
        long id = CommitLogSegment.idOf(path);
        long size = Files.size(path);
        long records = 0;
        long validEnd;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            try {
                if (FileHeader.read(in, CommitLogSegment.MAGIC) != id) throw new CorruptFrameException(0, "header names another segment");
            } catch (CorruptFrameException e) {
                // Only a segment no longer than its header can be one whose creation a crash
                // interrupted (it holds no record); a longer one with a bad header holds records
                // this server cannot read (damaged, or written in a newer format) and is kept.
                if (!newest || size > FileHeader.SIZE) throw corrupt(path, e);
                LOG.warning(() -> "Removing commit-log segment " + path + " with an incomplete header (" + e.getMessage() + ")");
                in.close();
                Files.delete(path);
                return -1;
            }
            FrameReader frames = new FrameReader(in, FileHeader.SIZE, size);
            try {
                for (byte[] payload = frames.next(); payload != null; payload = frames.next()) {
                    handler.replay(payload, new CommitLogPosition(id, frames.offset()));
                    records++;
                }
                return records;
            } catch (CorruptFrameException e) {
                if (!newest) throw corrupt(path, e);
                validEnd = frames.offset();
            }
        }
        long discarded = size - validEnd;
        LOG.log(Level.WARNING, "Discarding {0} bytes of an incomplete commit at the end of {1} (a crash interrupted it before it was acknowledged)",
                new Object[] {discarded, path});
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.truncate(validEnd);
            channel.force(true);
        }
        return records;
    }

    private static StorageException corrupt(Path path, CorruptFrameException e) {
        return new StorageException("commit-log segment " + path + " cannot be read (" + e.getMessage()
                + "); it holds acknowledged commits, which skipping it would lose", e, false);
    }
}
