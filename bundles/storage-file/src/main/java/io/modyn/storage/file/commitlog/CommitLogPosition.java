package io.modyn.storage.file.commitlog;

/**
 * A place in the commit log: a segment and a byte offset in it. The position of a record is the
 * offset just after it, so everything before a position is what the log had written by then.
 */
public record CommitLogPosition(long segmentId, long offset) implements Comparable<CommitLogPosition> {

    @Override
    public int compareTo(CommitLogPosition other) {
        int c = Long.compare(segmentId, other.segmentId);
        return c != 0 ? c : Long.compare(offset, other.offset);
    }

    /** The start of a segment: before every record in it. */
    public static CommitLogPosition startOf(long segmentId) {
        return new CommitLogPosition(segmentId, 0);
    }
}
