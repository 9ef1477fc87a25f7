package io.modyn.storage.file.manifest;

/**
 * A live sorted table of a keyspace as the manifest records it: its generation (which names its
 * file, {@code tables/<keyspaceId>/<generation>.sst}) and the compaction level it belongs to.
 */
public record TableEntry(long generation, int level) {

    /** Levels are written as one unsigned byte. */
    public static final int MAX_LEVEL = 255;

    public TableEntry {
        if (generation <= 0) throw new IllegalArgumentException("table generation must be positive: " + generation);
        if (level < 0 || level > MAX_LEVEL) throw new IllegalArgumentException("table level out of range 0-" + MAX_LEVEL + ": " + level);
    }
}
