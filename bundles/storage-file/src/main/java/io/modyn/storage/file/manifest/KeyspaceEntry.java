package io.modyn.storage.file.manifest;

import io.modyn.storage.file.commitlog.CommitLogPosition;
import java.util.List;

/**
 * A live keyspace as the manifest records it.
 *
 * @param name the keyspace name the SPI uses
 * @param id the number naming its table directory ({@code tables/<id>/}); a dropped and re-created
 *     name gets a new id, so files of the dropped one can never be mistaken for the new one's
 * @param createdAtSequence the sequence of the commit that created it: commit-log records of this
 *     name before it belong to an older keyspace of the same name
 * @param flushedUpTo every commit of this keyspace logged before this position is in its tables;
 *     recovery replays only what follows
 * @param tables its live sorted tables, in the order they were added
 */
public record KeyspaceEntry(String name, long id, long createdAtSequence, CommitLogPosition flushedUpTo, List<TableEntry> tables) {

    public KeyspaceEntry {
        tables = List.copyOf(tables);
    }

    /** Whether the table of this generation is live in this keyspace. */
    public boolean hasTable(long generation) {
        for (TableEntry table : tables) if (table.generation() == generation) return true;
        return false;
    }
}
