package io.modyn.storage.file.record;

import io.modyn.storage.file.commitlog.CommitLogPosition;

/**
 * The sequence of a commit: its commit-log position packed in one long, segment id in the high 32
 * bits and offset in the low 32. It orders versions of a record across memtables and sorted
 * tables, the way Cassandra's write timestamps do, but without clocks. Segments stay below 4 GiB
 * (the options refuse larger), so an offset always fits.
 */
public final class Sequence {

    /** Older than any commit: what data written before sequences existed (the upgrade) carries. */
    public static final long NONE = 0;

    private Sequence() {
    }

    public static long of(CommitLogPosition position) {
        if (position.segmentId() < 0 || position.segmentId() > 0x7fff_ffffL || position.offset() < 0 || position.offset() > 0xffff_ffffL) {
            throw new IllegalArgumentException("commit-log position out of sequence range: " + position);
        }
        return position.segmentId() << 32 | position.offset();
    }

    public static CommitLogPosition position(long sequence) {
        return new CommitLogPosition(sequence >>> 32, sequence & 0xffff_ffffL);
    }
}
