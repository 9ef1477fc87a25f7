package io.modyn.storage.file.compaction;

import io.modyn.storage.file.sstable.SortedTable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Compacts the sorted tables of every keyspace in the background. The engine calls
 * {@link #wake} after each flush; the keyspace is then checked on a small fixed pool of daemon
 * threads, and compacted, one compaction after another, until its strategy finds nothing due.
 * Size-tiered by default, leveled for the keyspaces the options name; when neither finds a merge
 * due, a table made mostly of tombstones that can all go is rewritten alone ({@link TombstoneCleanup}).
 *
 * <p>Bounds: at most {@code concurrency} compactions at once and at most one per keyspace (so two
 * never pick the same tables, and leveled compactions into a level never interleave); all of
 * them together write at most {@code bytesPerSecond}. {@link #close} stops promptly: a running
 * compaction notices between two records, and discards what it wrote.
 *
 * <p>The counters give write amplification: bytes written by compaction over bytes flushed.
 */
public final class Compactor implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Compactor.class.getName());
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    /** One keyspace's compaction state. */
    private static final class KeyspaceState {
        /** Held while a compaction of the keyspace picks its tables and runs. */
        final Object running = new Object();
        /** A background pass is queued or running: a wake only asks it to look again. */
        boolean queued;
        boolean wokenAgain;
        CompactionStrategy strategy;
    }

    private final CompactionHost host;
    private final CompactionOptions options;
    private final ByteRateLimiter limiter;
    private final ExecutorService executor;
    private final Map<String, KeyspaceState> keyspaces = new ConcurrentHashMap<>();
    private final Object activity = new Object();
    private int active;
    private volatile boolean closed;

    private final AtomicLong compactions = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong bytesWritten = new AtomicLong();
    private final AtomicLong tombstonesPurged = new AtomicLong();

    public Compactor(CompactionHost host, CompactionOptions options) {
        this.host = host;
        this.options = options;
        this.limiter = new ByteRateLimiter(options.bytesPerSecond());
        this.executor = Executors.newFixedThreadPool(options.concurrency(), daemonThreads());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "modyn-compaction-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Checks the keyspace for due compactions in the background; cheap when nothing is due. */
    public void wake(String keyspace) {
        if (closed) {
            return;
        }
        KeyspaceState state = keyspaces.computeIfAbsent(keyspace, k -> new KeyspaceState());
        synchronized (state) {
            if (state.queued) {
                state.wokenAgain = true;
                return;
            }
            state.queued = true;
        }
        begin();
        try {
            executor.execute(() -> drain(keyspace, state));
        } catch (RuntimeException rejected) {
            // Closed meanwhile.
            synchronized (state) {
                state.queued = false;
            }
            end();
        }
    }

    /** Wakes every keyspace the host has: after start, for work left by the previous run. */
    public void wakeAll() {
        for (String keyspace : host.keyspaces()) {
            wake(keyspace);
        }
    }

    /**
     * Runs one compaction of the keyspace in the calling thread, if one is due, waiting for a
     * background one of the same keyspace to finish first.
     *
     * @return whether a compaction ran and its outputs replaced its inputs
     */
    public boolean compactNow(String keyspace) throws IOException {
        if (closed) {
            return false;
        }
        begin();
        try {
            return compactOnce(keyspace, keyspaces.computeIfAbsent(keyspace, k -> new KeyspaceState()));
        } finally {
            end();
        }
    }

    /** Waits until no compaction is queued or running; false if the time ran out first. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (activity) {
            while (active > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(activity, left);
            }
            return true;
        }
    }

    /** Compactions that ran to the end and were swapped in. */
    public long compactions() {
        return compactions.get();
    }

    /** Background compactions that failed (an I/O error; logged); aborted ones and those of a dropped keyspace are not counted. */
    public long failures() {
        return failures.get();
    }

    /** File bytes of the inputs of the compactions counted by {@link #compactions}. */
    public long bytesRead() {
        return bytesRead.get();
    }

    /** File bytes of the outputs of the compactions counted by {@link #compactions}. */
    public long bytesWritten() {
        return bytesWritten.get();
    }

    /** Tombstones dropped because no live table outside a compaction's inputs could hold what they shadow. */
    public long tombstonesPurged() {
        return tombstonesPurged.get();
    }

    private void drain(String keyspace, KeyspaceState state) {
        try {
            while (true) {
                try {
                    while (!closed && compactOnce(keyspace, state)) {
                        // Compact until nothing is due.
                    }
                } catch (IOException | RuntimeException e) {
                    if (host.keyspaces().contains(keyspace)) {
                        failures.incrementAndGet();
                        LOG.log(Level.WARNING, "Compaction of keyspace " + keyspace + " failed; it is retried after the next flush", e);
                    } else {
                        LOG.fine(() -> "Compaction of keyspace " + keyspace + " stopped: the keyspace was dropped (" + e + ")");
                    }
                }
                synchronized (state) {
                    if (closed || !state.wokenAgain) {
                        state.queued = false;
                        return;
                    }
                    state.wokenAgain = false;
                }
            }
        } finally {
            end();
        }
    }

    /** One compaction of the keyspace if its strategy finds one due; true if it was swapped in. */
    private boolean compactOnce(String keyspace, KeyspaceState state) throws IOException {
        synchronized (state.running) {
            List<SortedTable> live = host.retainLiveTables(keyspace);
            try {
                if (live.isEmpty()) {
                    return false;
                }
                CompactionStrategy strategy = strategy(keyspace, state);
                Map<Long, SortedTable> byGeneration = new HashMap<>();
                List<TableSummary> summaries = new ArrayList<>(live.size());
                for (SortedTable table : live) {
                    byGeneration.put(table.generation(), table);
                    summaries.add(TableSummary.of(table));
                }
                Optional<CompactionPlan> plan = strategy.next(summaries)
                        .or(() -> TombstoneCleanup.next(summaries, options.tombstoneThreshold()));
                if (plan.isEmpty() || closed) {
                    return false;
                }
                List<SortedTable> inputs = new ArrayList<>();
                Set<Long> chosen = new HashSet<>();
                for (TableSummary input : plan.get().inputs()) {
                    inputs.add(byGeneration.get(input.generation()));
                    chosen.add(input.generation());
                }
                List<SortedTable> others = live.stream().filter(t -> !chosen.contains(t.generation())).toList();
                return run(new CompactionTask(host, keyspace, plan.get(), inputs, others, limiter, () -> closed), keyspace);
            } finally {
                for (SortedTable table : live) {
                    table.release();
                }
            }
        }
    }

    private boolean run(CompactionTask task, String keyspace) throws IOException {
        CompactionTask.Outcome outcome;
        try {
            outcome = task.run();
        } catch (CompactionAbortedException e) {
            LOG.fine(() -> "Compaction of keyspace " + keyspace + " aborted: the compactor is closing");
            return false;
        }
        if (!outcome.replaced()) {
            LOG.fine(() -> "Compaction of keyspace " + keyspace + " discarded: its inputs are no longer live");
            return false;
        }
        compactions.incrementAndGet();
        bytesRead.addAndGet(outcome.bytesRead());
        bytesWritten.addAndGet(outcome.bytesWritten());
        tombstonesPurged.addAndGet(outcome.tombstonesPurged());
        return true;
    }

    private CompactionStrategy strategy(String keyspace, KeyspaceState state) {
        boolean leveled = options.leveled().test(keyspace);
        if (leveled && !(state.strategy instanceof LeveledStrategy)) {
            state.strategy = new LeveledStrategy(options.levels());
        } else if (!leveled && !(state.strategy instanceof SizeTieredStrategy)) {
            state.strategy = new SizeTieredStrategy(options.sizeTiered());
        }
        return state.strategy;
    }

    private void begin() {
        synchronized (activity) {
            active++;
        }
    }

    private void end() {
        synchronized (activity) {
            active--;
            activity.notifyAll();
        }
    }

    /**
     * Stops: no new compaction starts, a running one aborts at its next record (or its next nap
     * for the throttle) and discards its outputs; waits for them to finish.
     */
    @Override
    public void close() {
        closed = true;
        // No interrupt: it would close the file channels of tables that readers share. A running
        // compaction sees the flag between records and while it naps for the throttle, and
        // queued passes see it before they start.
        executor.shutdown();
        try {
            if (!awaitIdle(CLOSE_WAIT)) {
                LOG.warning("Compaction did not stop within " + CLOSE_WAIT.toSeconds() + " s of close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
