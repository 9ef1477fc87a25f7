package io.modyn.storage.file.compaction;

import io.modyn.storage.file.sstable.SortedTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * The compactions of one keyspace, one at a time: each takes the live tables, lets the strategy
 * (or, when no merge is due, {@link TombstoneCleanup}) choose, and runs the task. Also whether a
 * background pass is queued for the keyspace, so that wakes during a pass ask it to look again
 * rather than queue another.
 */
final class KeyspaceCompactions {

    private static final Logger LOG = Logger.getLogger(KeyspaceCompactions.class.getName());

    private final String keyspace;
    private final CompactionHost host;
    private final CompactionOptions options;
    private final ByteRateLimiter limiter;
    private final BooleanSupplier aborted;
    private final CompactionCounters counters;

    /** Held while a compaction picks its tables and runs; guards the strategy. */
    private final Object running = new Object();
    private CompactionStrategy strategy;
    /** Guarded by this: a background pass is queued or running; it was woken while it ran. */
    private boolean queued;
    private boolean wokenAgain;

    KeyspaceCompactions(String keyspace, CompactionHost host, CompactionOptions options, ByteRateLimiter limiter, BooleanSupplier aborted,
            CompactionCounters counters) {
        this.keyspace = keyspace;
        this.host = host;
        this.options = options;
        this.limiter = limiter;
        this.aborted = aborted;
        this.counters = counters;
    }

    /** True if a background pass must be queued; false if one is, and it will look again. */
    synchronized boolean queue() {
        if (queued) {
            wokenAgain = true;
            return false;
        }
        queued = true;
        return true;
    }

    /** Called when a pass finds nothing more to do: true if it was woken meanwhile and must go on. */
    synchronized boolean passAgain(boolean stopping) {
        if (stopping || !wokenAgain) {
            queued = false;
            return false;
        }
        wokenAgain = false;
        return true;
    }

    /** One compaction if one is due; true if its outputs replaced its inputs. */
    boolean compactOnce() throws IOException {
        synchronized (running) {
            List<SortedTable> live = host.retainLiveTables(keyspace);
            try {
                if (live.isEmpty()) {
                    return false;
                }
                Map<Long, SortedTable> byGeneration = new HashMap<>();
                List<TableSummary> summaries = new ArrayList<>(live.size());
                for (SortedTable table : live) {
                    byGeneration.put(table.generation(), table);
                    summaries.add(TableSummary.of(table));
                }
                Optional<CompactionPlan> plan = strategy().next(summaries)
                        .or(() -> TombstoneCleanup.next(summaries, options.tombstoneThreshold()));
                if (plan.isEmpty() || aborted.getAsBoolean()) {
                    return false;
                }
                List<SortedTable> inputs = new ArrayList<>();
                Set<Long> chosen = new HashSet<>();
                for (TableSummary input : plan.get().inputs()) {
                    inputs.add(byGeneration.get(input.generation()));
                    chosen.add(input.generation());
                }
                List<SortedTable> others = live.stream().filter(t -> !chosen.contains(t.generation())).toList();
                return run(plan.get(), new CompactionTask(host, keyspace, plan.get(), inputs, others, limiter, aborted));
            } finally {
                for (SortedTable table : live) {
                    table.release();
                }
            }
        }
    }

    private boolean run(CompactionPlan plan, CompactionTask task) throws IOException {
        CompactionTask.Outcome outcome;
        long began = System.nanoTime();
        LOG.info(() -> "Compaction started: keyspace " + keyspace + ", " + plan.inputs().size() + " tables, "
                + plan.inputs().stream().mapToLong(TableSummary::bytes).sum() + " bytes, to level " + plan.outputLevel());
        counters.running.incrementAndGet();
        try {
            outcome = task.run();
        } catch (CompactionAbortedException e) {
            LOG.info(() -> "Compaction aborted: keyspace " + keyspace + ", the compactor is closing");
            return false;
        } catch (IOException | RuntimeException e) {
            LOG.info(() -> "Compaction failed: keyspace " + keyspace + ", " + e);
            throw e;
        } finally {
            counters.running.decrementAndGet();
        }
        if (!outcome.replaced()) {
            LOG.info(() -> "Compaction aborted: keyspace " + keyspace + ", its inputs are no longer live");
            return false;
        }
        counters.replaced(outcome);
        LOG.info(() -> "Compaction finished: keyspace " + keyspace + ", " + outcome.bytesRead() + " bytes read, " + outcome.bytesWritten()
                + " written, " + outcome.tombstonesPurged() + " tombstones purged, in " + (System.nanoTime() - began) / 1_000_000 + " ms");
        return true;
    }

    /** The keyspace's strategy; a leveled one keeps its round-robin positions from one compaction to the next. */
    private CompactionStrategy strategy() {
        boolean leveled = options.leveled().test(keyspace);
        if (leveled && !(strategy instanceof LeveledStrategy)) {
            strategy = new LeveledStrategy(options.levels());
        } else if (!leveled && !(strategy instanceof SizeTieredStrategy)) {
            strategy = new SizeTieredStrategy(options.sizeTiered());
        }
        return strategy;
    }
}
