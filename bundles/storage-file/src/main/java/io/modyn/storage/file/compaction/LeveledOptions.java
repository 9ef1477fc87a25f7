package io.modyn.storage.file.compaction;

/**
 * Tuning of leveled compaction. Level 0 holds flushes, which overlap; every other level is a run
 * of non-overlapping tables of about {@code tableBytes} each, and level n may hold
 * {@code tableBytes * fanout^n} bytes before one of its tables is merged into level n+1
 * (Cassandra's sizes: 160 MiB tables, fanout 10, so level 1 holds 1.6 GiB).
 *
 * @param level0Trigger flushes in level 0 that start a compaction into level 1
 * @param tableBytes size at which a compaction output is split into a new table
 * @param fanout how many times larger each level is than the one before
 */
public record LeveledOptions(int level0Trigger, long tableBytes, int fanout) {

    public static final LeveledOptions DEFAULTS = new LeveledOptions(4, 160L * 1024 * 1024, 10);

    /** Most level-0 tables merged at once, so a backlog of flushes does not make one huge compaction. */
    static final int MAX_LEVEL0_INPUTS = 32;

    public LeveledOptions {
        if (level0Trigger < 1) throw new IllegalArgumentException("level 0 trigger must be at least 1");
        if (tableBytes < 1) throw new IllegalArgumentException("leveled table size must be positive");
        if (fanout < 2) throw new IllegalArgumentException("leveled fanout must be at least 2");
    }

    /** Bytes level n (from 1) may hold before it is compacted into the next. */
    public double maxBytes(int level) {
        return tableBytes * Math.pow(fanout, level);
    }
}
