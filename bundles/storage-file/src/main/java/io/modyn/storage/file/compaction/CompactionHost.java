package io.modyn.storage.file.compaction;

import io.modyn.storage.file.sstable.BlockCache;
import io.modyn.storage.file.sstable.SortedTable;
import io.modyn.storage.file.sstable.SortedTableWriter;
import java.io.IOException;
import java.util.List;

/**
 * What a {@link Compactor} needs from the engine that owns the live sets: the live tables of a
 * keyspace, new table files, and the atomic swap of inputs for outputs. Implemented by the engine
 * core; tests implement it over a directory.
 *
 * <p>References: every table {@link #retainLiveTables} returns is retained for the compactor,
 * which releases each when done. A table the compactor writes comes from
 * {@link SortedTableWriter#finish} with one reference, which {@link #replace} takes over when it
 * returns true; otherwise the compactor marks the table obsolete and releases it.
 */
public interface CompactionHost {

    /** The keyspaces that exist, for a check of them all (at start). */
    List<String> keyspaces();

    /** The keyspace's live tables, each retained for the caller; empty if it does not exist. */
    List<SortedTable> retainLiveTables(String keyspace);

    /** A writer of a new table of the keyspace, at this level, under a generation never used before. */
    SortedTableWriter newTable(String keyspace, int level, long expectedRecords) throws IOException;

    /** The cache the tables the compactor finishes read through. */
    BlockCache blockCache();

    /**
     * Atomically (one manifest edit, one live-set swap) makes the outputs live in place of the
     * inputs. On true the inputs are marked obsolete, their live-set references are released, and
     * the live set takes over the outputs' references.
     *
     * @return false, changing nothing, if the keyspace was dropped or an input is no longer live
     * @throws IOException if the manifest edit failed; nothing changed then either
     */
    boolean replace(String keyspace, List<SortedTable> inputs, List<SortedTable> outputs) throws IOException;
}
