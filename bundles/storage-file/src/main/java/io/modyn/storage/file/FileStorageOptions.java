package io.modyn.storage.file;

import io.modyn.storage.file.commitlog.GroupSyncPolicy;
import io.modyn.storage.file.commitlog.SyncPolicy;
import io.modyn.storage.file.compaction.CompactionOptions;
import io.modyn.storage.file.sstable.SortedTableOptions;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything a {@link FileStorageEngine} is opened with. Plain values, so the engine is built and
 * tested without OSGi; {@link FileStorageService} derives them from configuration.
 *
 * @param lockTimeout how long a transaction waits for a record lock before a conflict
 * @param segmentSizeBytes size at which the commit log starts a new segment (4 KiB to 1 GiB:
 *     sequences pack an offset in 32 bits)
 * @param memtableBudgetBytes heap all memtables may take together; the largest active one is
 *     flushed when the active ones pass half of it, and writes wait when all pass the whole
 * @param tableOptions how sorted tables are written (block size, compression, Bloom filter)
 * @param blockCacheBytes memory for decompressed table blocks
 * @param compaction how tables are compacted (strategy per keyspace, concurrency, throughput)
 */
public record FileStorageOptions(Path dataDirectory, SyncPolicy syncPolicy, Duration lockTimeout, long segmentSizeBytes,
        long memtableBudgetBytes, SortedTableOptions tableOptions, long blockCacheBytes, CompactionOptions compaction) {

    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);
    public static final long DEFAULT_SEGMENT_SIZE = 32L * 1024 * 1024;
    public static final long MAX_SEGMENT_SIZE = 1L << 30;
    /** An eighth of the heap, as Cassandra's default memtable space is a quarter of its (larger) heap. */
    public static final long DEFAULT_MEMTABLE_BUDGET = Runtime.getRuntime().maxMemory() / 8;
    /** An eighth of the heap: with 256 MB of 1 KB items, Query of ten items took 187 µs with a sixteenth, 156 with 256 MB. */
    public static final long DEFAULT_BLOCK_CACHE = Runtime.getRuntime().maxMemory() / 8;

    public FileStorageOptions {
        if (lockTimeout.isNegative()) throw new IllegalArgumentException("lock timeout must not be negative");
        if (segmentSizeBytes < 4096 || segmentSizeBytes > MAX_SEGMENT_SIZE) {
            throw new IllegalArgumentException("commit-log segments must be 4 KiB to 1 GiB, not " + segmentSizeBytes + " bytes");
        }
        if (memtableBudgetBytes < 64 * 1024) throw new IllegalArgumentException("memtable budget must be at least 64 KiB");
        if (blockCacheBytes < 0) throw new IllegalArgumentException("block cache budget must not be negative");
    }

    public static FileStorageOptions defaults(Path dataDirectory) {
        return new FileStorageOptions(dataDirectory, new GroupSyncPolicy(Duration.ZERO), DEFAULT_LOCK_TIMEOUT, DEFAULT_SEGMENT_SIZE,
                DEFAULT_MEMTABLE_BUDGET, SortedTableOptions.defaults(), DEFAULT_BLOCK_CACHE, CompactionOptions.defaults());
    }

    public FileStorageOptions withSyncPolicy(SyncPolicy policy) {
        return new FileStorageOptions(dataDirectory, policy, lockTimeout, segmentSizeBytes, memtableBudgetBytes, tableOptions, blockCacheBytes, compaction);
    }

    public FileStorageOptions withLockTimeout(Duration timeout) {
        return new FileStorageOptions(dataDirectory, syncPolicy, timeout, segmentSizeBytes, memtableBudgetBytes, tableOptions, blockCacheBytes, compaction);
    }

    public FileStorageOptions withSegmentSize(long bytes) {
        return new FileStorageOptions(dataDirectory, syncPolicy, lockTimeout, bytes, memtableBudgetBytes, tableOptions, blockCacheBytes, compaction);
    }

    public FileStorageOptions withMemtableBudget(long bytes) {
        return new FileStorageOptions(dataDirectory, syncPolicy, lockTimeout, segmentSizeBytes, bytes, tableOptions, blockCacheBytes, compaction);
    }

    public FileStorageOptions withTableOptions(SortedTableOptions options) {
        return new FileStorageOptions(dataDirectory, syncPolicy, lockTimeout, segmentSizeBytes, memtableBudgetBytes, options, blockCacheBytes, compaction);
    }

    public FileStorageOptions withBlockCache(long bytes) {
        return new FileStorageOptions(dataDirectory, syncPolicy, lockTimeout, segmentSizeBytes, memtableBudgetBytes, tableOptions, bytes, compaction);
    }

    public FileStorageOptions withCompaction(CompactionOptions options) {
        return new FileStorageOptions(dataDirectory, syncPolicy, lockTimeout, segmentSizeBytes, memtableBudgetBytes, tableOptions, blockCacheBytes, options);
    }
}
