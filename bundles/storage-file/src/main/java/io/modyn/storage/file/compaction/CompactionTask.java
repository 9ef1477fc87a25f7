package io.modyn.storage.file.compaction;

import io.modyn.storage.file.record.MergedRecords;
import io.modyn.storage.file.record.RecordIterator;
import io.modyn.storage.file.record.VersionedRecord;
import io.modyn.storage.file.sstable.SortedTable;
import io.modyn.storage.file.sstable.SortedTableWriter;
import io.modyn.storage.file.sstable.TableStatistics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One compaction: merges the input tables (the newest version of each key wins, older ones are
 * dropped), writes the result to new tables of the plan's level, split at the plan's size, then
 * asks the host to swap them in. Sequences pass through unchanged and every output carries the
 * time range of all the inputs, so nothing a reader relies on changes but the number of files.
 *
 * <p>A tombstone is dropped only when no live table outside the inputs might hold an older
 * version of its key (a table whose sequences start below the tombstone's and whose key range and
 * Bloom filter admit the key): otherwise that older version would come back. Memtables need no
 * check: they hold only writes newer than every table.
 *
 * <p>Between records the task checks for abort; if aborted, if writing fails, or if the host
 * refuses the swap, the outputs are marked obsolete and released, and the live set is unchanged.
 * The caller keeps and releases its references to the inputs and the other live tables.
 */
final class CompactionTask {

    /** What a finished task did, for the compactor's statistics. */
    record Outcome(boolean replaced, long bytesRead, long bytesWritten, long recordsWritten, long tombstonesPurged) {
    }

    private static final long MAX_NAP_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final CompactionHost host;
    private final String keyspace;
    private final CompactionPlan plan;
    private final List<SortedTable> inputs;
    private final List<SortedTable> others;
    private final ByteRateLimiter limiter;
    private final BooleanSupplier aborted;

    private final List<SortedTable> outputs = new ArrayList<>();
    /** Bytes of the current output already taken from the rate limiter (its header included). */
    private long throttled;
    private long recordsWritten;
    private long tombstonesPurged;

    /**
     * @param inputs the tables to merge, retained by the caller
     * @param others every other live table of the keyspace, retained by the caller, for the purge check
     */
    CompactionTask(CompactionHost host, String keyspace, CompactionPlan plan, List<SortedTable> inputs, List<SortedTable> others,
            ByteRateLimiter limiter, BooleanSupplier aborted) {
        this.host = host;
        this.keyspace = keyspace;
        this.plan = plan;
        this.inputs = List.copyOf(inputs);
        this.others = List.copyOf(others);
        this.limiter = limiter;
        this.aborted = aborted;
    }

    Outcome run() throws IOException, CompactionAbortedException {
        boolean replaced = false;
        try {
            writeOutputs();
            checkAborted();
            replaced = host.replace(keyspace, inputs, outputs);
            long bytesWritten = 0;
            for (SortedTable output : outputs) {
                bytesWritten += output.statistics().fileBytes();
            }
            return new Outcome(replaced, inputBytes(), bytesWritten, recordsWritten, tombstonesPurged);
        } finally {
            if (!replaced) {
                discardOutputs();
            }
        }
    }

    private void writeOutputs() throws IOException, CompactionAbortedException {
        long minTime = Long.MAX_VALUE;
        long maxTime = Long.MIN_VALUE;
        long records = 0;
        List<RecordIterator> sources = new ArrayList<>(inputs.size());
        for (SortedTable input : inputs) {
            TableStatistics statistics = input.statistics();
            minTime = Math.min(minTime, statistics.minTimeMillis());
            maxTime = Math.max(maxTime, statistics.maxTimeMillis());
            records += statistics.recordCount();
        }
        long perOutput = expectedRecordsPerOutput(records);
        SortedTableWriter writer = null;
        try {
            for (SortedTable input : inputs) {
                sources.add(input.all());
            }
            try (MergedRecords merged = MergedRecords.of(sources, false, false)) {
                sources.clear();
                while (merged.hasNext()) {
                    checkAborted();
                    VersionedRecord record = merged.next();
                    if (record.isTombstone() && purgeable(record)) {
                        tombstonesPurged++;
                        continue;
                    }
                    if (writer == null) {
                        writer = host.newTable(keyspace, plan.outputLevel(), perOutput);
                        throttled = 0;
                    }
                    writer.append(record);
                    recordsWritten++;
                    throttle(writer.bytesWritten() - throttled);
                    throttled = writer.bytesWritten();
                    if (writer.bytesWritten() >= plan.maxOutputBytes()) {
                        finish(writer, minTime, maxTime);
                        writer = null;
                    }
                }
            }
            if (writer != null) {
                checkAborted();
                finish(writer, minTime, maxTime);
                writer = null;
            }
        } finally {
            // Iterators opened before the merge took them over.
            for (RecordIterator source : sources) {
                source.close();
            }
            if (writer != null) {
                writer.close();
            }
        }
    }

    /** Finishes an output; the index, filter and footer it writes count against the rate too. */
    private void finish(SortedTableWriter writer, long minTime, long maxTime) throws IOException, CompactionAbortedException {
        SortedTable output = writer.finish(minTime, maxTime, host.blockCache());
        outputs.add(output);
        throttle(output.statistics().fileBytes() - throttled);
    }

    /** Whether no live table outside the inputs might hold a version the tombstone shadows. */
    private boolean purgeable(VersionedRecord tombstone) {
        for (SortedTable other : others) {
            if (other.statistics().minSequence() < tombstone.sequence() && other.mightContain(tombstone.key())) {
                return false;
            }
        }
        return true;
    }

    private long expectedRecordsPerOutput(long records) {
        long inputBytes = Math.max(1, inputBytes());
        if (plan.maxOutputBytes() >= inputBytes) {
            return records;
        }
        return Math.max(1, (long) ((double) records * plan.maxOutputBytes() / inputBytes));
    }

    private long inputBytes() {
        long bytes = 0;
        for (SortedTable input : inputs) {
            bytes += input.statistics().fileBytes();
        }
        return bytes;
    }

    /** Waits as long as the rate limiter asks, in short naps so that an abort is noticed. */
    private void throttle(long bytes) throws CompactionAbortedException {
        long wait = limiter.reserve(bytes);
        long until = System.nanoTime() + wait;
        while (wait > 0) {
            checkAborted();
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(wait, MAX_NAP_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompactionAbortedException();
            }
            wait = until - System.nanoTime();
        }
    }

    private void checkAborted() throws CompactionAbortedException {
        if (aborted.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new CompactionAbortedException();
        }
    }

    private void discardOutputs() {
        for (SortedTable output : outputs) {
            output.markObsolete();
            output.release();
        }
        outputs.clear();
    }
}
