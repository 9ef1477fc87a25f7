package io.modyn.storage.file.manifest;

import io.modyn.storage.file.commitlog.CommitLogPosition;
import java.util.List;

/**
 * One change to the live set, as the manifest logs it (one frame each, FORMAT.md "Manifest").
 * Replaying the edits of a manifest file in order, starting with its {@link Snapshot}, rebuilds
 * the {@link ManifestState} the engine had when it last wrote one.
 */
sealed interface ManifestEdit {

    /** The whole state: the first edit of every manifest file. */
    record Snapshot(ManifestState state) implements ManifestEdit {
    }

    record KeyspaceCreated(String name, long id, long createdAtSequence) implements ManifestEdit {
    }

    record KeyspaceDropped(String name, long droppedAtSequence) implements ManifestEdit {
    }

    /** A memtable flush: its table (null if the memtable held nothing) and the new flushed-up-to position. */
    record Flushed(String name, CommitLogPosition flushedUpTo, TableEntry added) implements ManifestEdit {
    }

    /** A compaction: its input generations leave the live set and its outputs join it, at once. */
    record Replaced(String name, List<Long> removedGenerations, List<TableEntry> added) implements ManifestEdit {

        public Replaced {
            removedGenerations = List.copyOf(removedGenerations);
            added = List.copyOf(added);
        }
    }

    /** Generations below {@code upTo} may have been handed out: a restart continues from there. */
    record GenerationsReserved(long upTo) implements ManifestEdit {
    }

    /** Commit-log segments below this id are not to be replayed (an upgrade's legacy log); new ones are numbered from it. */
    record CommitLogStarts(long segmentId) implements ManifestEdit {
    }
}
