package io.modyn.storage.file.flush;

import io.modyn.api.storage.StorageException;
import io.modyn.storage.file.commitlog.CommitLog;
import io.modyn.storage.file.commitlog.CommitLogPosition;
import io.modyn.storage.file.lifecycle.CommitBarrier;
import io.modyn.storage.file.lifecycle.FrozenKeyspace;
import io.modyn.storage.file.lifecycle.LiveKeyspaces;
import io.modyn.storage.file.memtable.Memtable;
import io.modyn.storage.file.read.LiveKeyspace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decides when memtables are switched out and flushed, and what the commit log may then drop.
 *
 * <p>A switch happens with commits paused (the barrier held alone): the memtable's switch
 * position is the log's end, so every earlier commit is in it and every later one goes to its
 * successor. Three things trigger one: the active memtables passing half the memtable budget
 * (the largest goes), an explicit flush, and a log grown past twice the budget (the memtable
 * holding the oldest segment goes, as Cassandra does when its commit log passes its total space,
 * so an idle keyspace cannot keep the log, and the replay at the next start, growing forever).
 * After each flush, the segments no memtable needs any more are deleted.
 */
public final class FlushCoordinator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FlushCoordinator.class.getName());

    private final LiveKeyspaces keyspaces;
    private final CommitLog commitLog;
    private final CommitBarrier barrier;
    private final MemoryBudget budget;
    private final long logLimitSegments;
    private final Consumer<String> flushed;
    private final Flusher flusher;
    private final AtomicBoolean switching = new AtomicBoolean();
    private final ScheduledExecutorService logBound = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "modyn-storage-log-bound");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    /** @param flushed told the name of each keyspace whose memtable became a table (compaction wakes up) */
    public FlushCoordinator(LiveKeyspaces keyspaces, CommitLog commitLog, CommitBarrier barrier, MemoryBudget budget, long segmentSizeBytes,
            Consumer<String> flushed) {
        this.keyspaces = keyspaces;
        this.commitLog = commitLog;
        this.barrier = barrier;
        this.budget = budget;
        this.logLimitSegments = Math.max(4, 2 * budget.budgetBytes() / segmentSizeBytes);
        this.flushed = flushed;
        this.flusher = new Flusher(keyspaces.flushHandler(), budget, this::afterFlush);
        logBound.scheduleWithFixedDelay(this::boundCommitLog, 1, 1, TimeUnit.SECONDS);
    }

    /** Before a commit enters the barrier: makes room, waiting if flushes fall behind. */
    public void beforeCommit() {
        // Switch before waiting too: after a restart or a burst, the room may only come from a flush not yet started.
        if (budget.activeOverShare()) switchLargest();
        budget.awaitRoom();
    }

    /** After a commit left the barrier. */
    public void afterCommit() {
        if (budget.activeOverShare()) switchLargest();
    }

    /** One committing thread at a time switches out the largest active memtable; the others carry on. */
    private void switchLargest() {
        if (!switching.compareAndSet(false, true)) return;
        try (CommitBarrier.Section alone = barrier.exclusive()) {
            if (closed || !budget.activeOverShare()) return;
            LiveKeyspace largest = null;
            for (LiveKeyspace keyspace : keyspaces.all()) {
                if (largest == null || keyspace.view().active().memoryBytes() > largest.view().active().memoryBytes()) largest = keyspace;
            }
            if (largest != null) switchOut(largest, false);
        } finally {
            switching.set(false);
        }
    }

    /** Switches out the keyspace's active memtable for flushing, unless it is empty; the caller holds the barrier alone. */
    private FlushTask switchOut(LiveKeyspace keyspace, boolean evenIfEmpty) {
        Memtable active = keyspace.view().active();
        if (active.isEmpty() && !evenIfEmpty) return null;
        CommitLogPosition position = commitLog.end();
        keyspaces.switchMemtable(keyspace, new Memtable(position));
        budget.switched(active.memoryBytes());
        FlushTask task = new FlushTask(keyspace, active, position);
        flusher.submit(task);
        return task;
    }

    private void boundCommitLog() {
        if (closed) return;
        LiveKeyspace oldest = null;
        CommitLogPosition bound = null;
        for (LiveKeyspace keyspace : keyspaces.all()) {
            Memtable active = keyspace.view().active();
            if (!active.isEmpty() && (bound == null || active.commitLogLowerBound().compareTo(bound) < 0)) {
                oldest = keyspace;
                bound = active.commitLogLowerBound();
            }
        }
        if (oldest == null || commitLog.end().segmentId() - bound.segmentId() < logLimitSegments) return;
        try (CommitBarrier.Section alone = barrier.exclusive()) {
            if (!closed && oldest.view().active().commitLogLowerBound().equals(bound)) switchOut(oldest, false);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot switch out the memtable holding the oldest commit-log segment", e);
        }
    }

    private void afterFlush(FlushTask task) {
        if (closed) return;
        flushed.accept(task.keyspace().name());
        releaseCommitLog();
    }

    /**
     * Deletes the commit-log segments no memtable needs: those before the oldest lower bound of a
     * non-empty memtable (everything older is in tables), or before the current segment if all are
     * empty. Decided with commits paused, so no commit is logged but not yet applied.
     */
    private void releaseCommitLog() {
        CommitLogPosition needed;
        try (CommitBarrier.Section alone = barrier.exclusive()) {
            if (closed) return;
            needed = commitLog.end();
            for (LiveKeyspace keyspace : keyspaces.all()) {
                for (Memtable memtable : keyspace.view().memtables()) {
                    if (!memtable.isEmpty() && memtable.commitLogLowerBound().compareTo(needed) < 0) needed = memtable.commitLogLowerBound();
                }
            }
        }
        try {
            commitLog.deleteSegmentsBefore(needed.segmentId());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot delete flushed commit-log segments; they are retried after the next flush", e);
        }
    }

    /** Flushes every non-empty memtable and waits until their tables are live; returns whether there was any. */
    public boolean flushAll() throws IOException {
        List<FlushTask> tasks = new ArrayList<>();
        try (CommitBarrier.Section alone = barrier.exclusive()) {
            ensureOpen();
            for (LiveKeyspace keyspace : keyspaces.all()) {
                FlushTask task = switchOut(keyspace, false);
                if (task != null) tasks.add(task);
            }
        }
        for (FlushTask task : tasks) await(task.done());
        return !tasks.isEmpty();
    }

    /**
     * Flushes one keyspace and waits until all it held is in tables. The memtable is switched out
     * even when empty: its flush then completes after every earlier flush of the keyspace.
     */
    public void flush(LiveKeyspace keyspace) throws IOException {
        FlushTask task;
        try (CommitBarrier.Section alone = barrier.exclusive()) {
            ensureOpen();
            task = switchOut(keyspace, true);
        }
        await(task.done());
    }

    /**
     * Freezes keyspaces at one instant for a copy: with commits paused, switches out each active
     * memtable (even an empty one) and retains each keyspace's live tables, so that the memtables
     * being flushed plus those tables are exactly what the keyspace held at that instant, for every
     * keyspace at the same one. The caller releases what it gets.
     */
    public List<FrozenKeyspace> freeze(List<LiveKeyspace> sources) {
        List<FrozenKeyspace> frozen = new ArrayList<>(sources.size());
        try (CommitBarrier.Section alone = barrier.exclusive()) {
            ensureOpen();
            for (LiveKeyspace keyspace : sources) {
                switchOut(keyspace, true);
                List<Memtable> memtables = keyspace.view().flushing();
                frozen.add(new FrozenKeyspace(keyspace.name(), memtables, keyspaces.retainLiveTables(keyspace.name())));
            }
        } catch (RuntimeException e) {
            frozen.forEach(FrozenKeyspace::release);
            throw e;
        }
        return frozen;
    }

    private void ensureOpen() {
        if (closed) throw new StorageException("file storage is shut down", true);
    }

    private static void await(CompletableFuture<Void> done) throws IOException {
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for a flush", e, true);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IOException(e.getCause());
        }
    }

    public long flushCount() {
        return flusher.flushCount();
    }

    public long flushNanos() {
        return flusher.flushNanos();
    }

    /**
     * Stops switching and flushing: a flush in progress finishes, queued ones are abandoned (the
     * log keeps their data), and writers waiting for room fail retryably.
     */
    @Override
    public void close() {
        closed = true;
        budget.flushFailing(new StorageException("file storage is shut down", true));
        logBound.shutdownNow();
        flusher.close();
    }
}
