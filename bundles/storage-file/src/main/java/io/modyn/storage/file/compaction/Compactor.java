package io.modyn.storage.file.compaction;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * compaction notices between two records, and discards what it wrote. A compaction that fails (an
 * I/O error) is logged and tried again after the next flush, or after 30 s if none comes.
 *
 * <p>The counters give write amplification: bytes written by compaction over bytes flushed.
 */
public final class Compactor implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Compactor.class.getName());
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);
    /** A failed keyspace is tried again after this, in case no flush comes to wake it. */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

    private final CompactionHost host;
    private final CompactionOptions options;
    private final ByteRateLimiter limiter;
    private final ExecutorService executor;
    private final Duration retryAfterFailure;
    private final Executor retries;
    private final Map<String, KeyspaceCompactions> keyspaces = new ConcurrentHashMap<>();
    private final Object activity = new Object();
    private int active;
    private final CompactionCounters counters = new CompactionCounters();
    private volatile boolean closed;

    public Compactor(CompactionHost host, CompactionOptions options) {
        this(host, options, RETRY_AFTER_FAILURE);
    }

    Compactor(CompactionHost host, CompactionOptions options, Duration retryAfterFailure) {
        this.host = host;
        this.options = options;
        this.limiter = new ByteRateLimiter(options.bytesPerSecond());
        this.executor = Executors.newFixedThreadPool(options.concurrency(), daemonThreads());
        this.retryAfterFailure = retryAfterFailure;
        this.retries = CompletableFuture.delayedExecutor(retryAfterFailure.toNanos(), TimeUnit.NANOSECONDS);
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
        KeyspaceCompactions compactions = keyspace(keyspace);
        if (!compactions.queue()) {
            return;
        }
        begin();
        try {
            executor.execute(() -> drain(keyspace, compactions));
        } catch (RuntimeException rejected) {
            // Closed meanwhile.
            compactions.passAgain(true);
            end();
        }
    }

    private KeyspaceCompactions keyspace(String keyspace) {
        return keyspaces.computeIfAbsent(keyspace, k -> new KeyspaceCompactions(k, host, options, limiter, () -> closed, counters));
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
            return keyspace(keyspace).compactOnce();
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

    /** Compactions merging right now (benchmarks measure latency while one runs). */
    public int running() {
        return counters.running.get();
    }

    /** Compactions that ran to the end and were swapped in. */
    public long compactions() {
        return counters.compactions.get();
    }

    /** Background compactions that failed (an I/O error; logged); aborted ones and those of a dropped keyspace are not counted. */
    public long failures() {
        return counters.failures.get();
    }

    /** File bytes of the inputs of the compactions counted by {@link #compactions}. */
    public long bytesRead() {
        return counters.bytesRead.get();
    }

    /** File bytes of the outputs of the compactions counted by {@link #compactions}. */
    public long bytesWritten() {
        return counters.bytesWritten.get();
    }

    /** Tombstones dropped because no live table outside a compaction's inputs could hold what they shadow. */
    public long tombstonesPurged() {
        return counters.tombstonesPurged.get();
    }

    private void drain(String keyspace, KeyspaceCompactions compactions) {
        try {
            do {
                try {
                    while (!closed && compactions.compactOnce()) {
                        // Compact until nothing is due.
                    }
                } catch (IOException | RuntimeException e) {
                    if (host.keyspaces().contains(keyspace)) {
                        counters.failures.incrementAndGet();
                        LOG.log(Level.WARNING, "Compaction of keyspace " + keyspace + " failed; it is tried again after the next flush or "
                                + retryAfterFailure.toSeconds() + " s", e);
                        retries.execute(() -> wake(keyspace));
                    } else {
                        LOG.fine(() -> "Compaction of keyspace " + keyspace + " stopped: the keyspace was dropped (" + e + ")");
                    }
                }
            } while (compactions.passAgain(closed));
        } finally {
            end();
        }
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
