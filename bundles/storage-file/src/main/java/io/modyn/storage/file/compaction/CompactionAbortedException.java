package io.modyn.storage.file.compaction;

/** Thrown inside a compaction when the compactor is closing: its outputs are discarded. */
final class CompactionAbortedException extends Exception {

    private static final long serialVersionUID = 1L;

    CompactionAbortedException() {
        super("compaction aborted: the compactor is closing", null, false, false);
    }
}
