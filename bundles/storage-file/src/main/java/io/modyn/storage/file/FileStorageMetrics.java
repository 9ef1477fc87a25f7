package io.modyn.storage.file;

import io.modyn.api.metrics.MetricSink;
import io.modyn.api.metrics.MetricSource;
import io.modyn.storage.file.compaction.Compactor;
import io.modyn.storage.file.sstable.BlockCache;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The file store's figures for the metrics bundle ({@code modyn_storage_file_*}), read when metrics
 * are scraped from counters the engine keeps anyway: the commit log (its segments on disk, fsyncs),
 * the memtables, flushes, compactions, the block cache (hits and misses: its hit rate is
 * {@code rate(hits) / (rate(hits) + rate(misses))}) and write stalls, when flushing falls behind.
 * The commit log's size is the one figure read from disk: a listing of a folder of a few segments.
 */
final class FileStorageMetrics implements MetricSource {

    private static final String PREFIX = "modyn_storage_file_";
    private static final double MILLIS_PER_SECOND = 1000.0;

    private final FileStorageEngine engine;

    FileStorageMetrics(FileStorageEngine engine) {
        this.engine = engine;
    }

    @Override
    public void collect(MetricSink sink) {
        commitLog(sink);
        sink.gauge(PREFIX + "memtable_bytes", "Memory the memtables take now, roughly", engine.memtableBytes());
        sink.gauge(PREFIX + "memtable_budget_bytes", "Memtable memory beyond which writes wait for flushes", engine.memtableBudgetBytes());
        sink.counter(PREFIX + "flushes", "Memtables flushed to sorted tables", engine.flushCount());
        sink.counter(PREFIX + "flush_seconds", "Time spent flushing memtables", engine.flushMillis() / MILLIS_PER_SECOND);
        sink.counter(PREFIX + "write_stalls", "Writes that waited for memtable room because flushing fell behind", engine.writeStalls());
        sink.counter(PREFIX + "write_stall_seconds", "Time writes waited for memtable room", engine.writeStallMillis() / MILLIS_PER_SECOND);
        Compactor compactor = engine.compactor();
        sink.counter(PREFIX + "compactions", "Compactions completed", compactor.compactions());
        sink.counter(PREFIX + "compaction_failures", "Compactions that failed (retried later)", compactor.failures());
        sink.gauge(PREFIX + "compactions_running", "Compactions running now", compactor.running());
        sink.counter(PREFIX + "compaction_read_bytes", "Bytes compactions read", compactor.bytesRead());
        sink.counter(PREFIX + "compaction_written_bytes", "Bytes compactions wrote", compactor.bytesWritten());
        sink.counter(PREFIX + "compaction_purged_tombstones", "Tombstones compactions dropped", compactor.tombstonesPurged());
        BlockCache cache = engine.blockCache();
        sink.counter(PREFIX + "block_cache_hits", "Table block reads served from the block cache", cache.hits());
        sink.counter(PREFIX + "block_cache_misses", "Table block reads that went to disk", cache.misses());
        sink.gauge(PREFIX + "block_cache_bytes", "Decompressed blocks held in the block cache", cache.bytes());
        sink.gauge(PREFIX + "block_cache_budget_bytes", "The block cache's memory budget", cache.budgetBytes());
        sink.gauge(PREFIX + "recovery_replayed_records", "Commit-log records replayed when the store opened", engine.recordsReplayed());
    }

    private void commitLog(MetricSink sink) {
        long bytes = 0;
        int segments = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(engine.commitLogDirectory())) {
            for (Path file : files) {
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (NoSuchFileException deleted) {
                    continue; // a segment deleted after a flush, while we listed
                }
                if (!attributes.isRegularFile()) continue;
                segments++;
                bytes += attributes.size();
            }
        } catch (IOException e) {
            return; // leave the figures out of this scrape rather than report a wrong size
        }
        sink.gauge(PREFIX + "commitlog_bytes", "Size of the commit-log segments on disk", bytes);
        sink.gauge(PREFIX + "commitlog_segments", "Commit-log segments on disk", segments);
        sink.counter(PREFIX + "commitlog_syncs", "Times the commit log was fsynced (fewer than commits: group commit)", engine.commitLogSyncs());
    }
}
