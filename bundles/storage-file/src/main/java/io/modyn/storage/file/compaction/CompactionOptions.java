package io.modyn.storage.file.compaction;

import java.util.function.Predicate;

/**
 * How a {@link Compactor} runs: how many compactions at once, how fast they may write, and which
 * keyspaces are compacted leveled rather than size-tiered.
 *
 * @param concurrency compactions running at once (each keyspace has at most one)
 * @param bytesPerSecond write rate shared by all compactions; 0 = unlimited
 * @param leveled the keyspaces compacted leveled; the others are size-tiered
 * @param tombstoneThreshold share of tombstones that has a table rewritten alone to purge them, when
 *     they all can go and no merge is due (Cassandra's {@code tombstone_threshold}); 0 = never
 */
public record CompactionOptions(int concurrency, long bytesPerSecond, Predicate<String> leveled, SizeTieredOptions sizeTiered,
        LeveledOptions levels, double tombstoneThreshold) {

    public static final int DEFAULT_CONCURRENCY = 1;
    public static final long DEFAULT_BYTES_PER_SECOND = 64L * 1024 * 1024;
    public static final double DEFAULT_TOMBSTONE_THRESHOLD = 0.2;

    public CompactionOptions {
        if (concurrency < 1) throw new IllegalArgumentException("compaction concurrency must be at least 1");
        if (bytesPerSecond < 0) throw new IllegalArgumentException("compaction throughput must not be negative");
        if (leveled == null || sizeTiered == null || levels == null) throw new NullPointerException("compaction options");
        if (!(tombstoneThreshold >= 0 && tombstoneThreshold <= 1)) throw new IllegalArgumentException("tombstone threshold must be 0 to 1");
    }

    public static CompactionOptions defaults() {
        return new CompactionOptions(DEFAULT_CONCURRENCY, DEFAULT_BYTES_PER_SECOND, keyspace -> false, SizeTieredOptions.DEFAULTS,
                LeveledOptions.DEFAULTS, DEFAULT_TOMBSTONE_THRESHOLD);
    }

    public CompactionOptions withConcurrency(int threads) {
        return new CompactionOptions(threads, bytesPerSecond, leveled, sizeTiered, levels, tombstoneThreshold);
    }

    public CompactionOptions withBytesPerSecond(long rate) {
        return new CompactionOptions(concurrency, rate, leveled, sizeTiered, levels, tombstoneThreshold);
    }

    public CompactionOptions withLeveled(Predicate<String> keyspaces) {
        return new CompactionOptions(concurrency, bytesPerSecond, keyspaces, sizeTiered, levels, tombstoneThreshold);
    }

    public CompactionOptions withSizeTiered(SizeTieredOptions options) {
        return new CompactionOptions(concurrency, bytesPerSecond, leveled, options, levels, tombstoneThreshold);
    }

    public CompactionOptions withLevels(LeveledOptions options) {
        return new CompactionOptions(concurrency, bytesPerSecond, leveled, sizeTiered, options, tombstoneThreshold);
    }

    public CompactionOptions withTombstoneThreshold(double threshold) {
        return new CompactionOptions(concurrency, bytesPerSecond, leveled, sizeTiered, levels, threshold);
    }
}
