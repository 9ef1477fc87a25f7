package io.modyn.storage.file.compaction;

/**
 * Tuning of size-tiered compaction, with Cassandra's defaults: tables of similar size are grouped
 * in buckets, and a bucket is merged once it holds {@code minThreshold} tables.
 *
 * @param minThreshold tables a bucket needs before it is compacted
 * @param maxThreshold most tables merged by one compaction (the smallest of a larger bucket)
 * @param bucketLow a table joins a bucket when its size is above this fraction of the bucket's average
 * @param bucketHigh ... and below this multiple of it
 * @param smallTableBytes tables below this size all share one bucket, whatever their ratios: fresh
 *     flushes vary a lot in size, and merging small files is cheap
 */
public record SizeTieredOptions(int minThreshold, int maxThreshold, double bucketLow, double bucketHigh, long smallTableBytes) {

    public static final SizeTieredOptions DEFAULTS = new SizeTieredOptions(4, 32, 0.5, 1.5, 50L * 1024 * 1024);

    public SizeTieredOptions {
        if (minThreshold < 2) throw new IllegalArgumentException("size-tiered min threshold must be at least 2");
        if (maxThreshold < minThreshold) throw new IllegalArgumentException("size-tiered max threshold must not be below the min threshold");
        if (!(bucketLow > 0 && bucketLow < 1)) throw new IllegalArgumentException("bucket low must be between 0 and 1");
        if (!(bucketHigh > 1)) throw new IllegalArgumentException("bucket high must be above 1");
        if (smallTableBytes < 0) throw new IllegalArgumentException("small table size must not be negative");
    }
}
