package io.modyn.storage.file.flush;

import io.modyn.api.storage.StorageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one thread that flushes switched memtables, in the order they were switched. Order matters:
 * the manifest records each keyspace as flushed up to its memtable's switch position, which must
 * only grow. A flush that fails (disk full, I/O error) is retried, with a pause, before any later
 * one; meanwhile its memtable stays readable and its commit-log segments stay, so nothing is lost,
 * and writers that run out of memtable room fail retryably instead of waiting forever.
 */
public final class Flusher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Flusher.class.getName());
    private static final long RETRY_PAUSE_MILLIS = 1000;

    private final BlockingQueue<FlushTask> queue = new LinkedBlockingQueue<>();
    private final FlushHandler handler;
    private final MemoryBudget budget;
    private final Consumer<FlushTask> afterFlush;
    private final Thread thread;
    private final AtomicLong flushes = new AtomicLong();
    private final AtomicLong flushNanos = new AtomicLong();
    private volatile boolean closed;

    /** @param afterFlush called on the flush thread after each flush (compaction wake-up, log cleanup) */
    public Flusher(FlushHandler handler, MemoryBudget budget, Consumer<FlushTask> afterFlush) {
        this.handler = handler;
        this.budget = budget;
        this.afterFlush = afterFlush;
        this.thread = new Thread(this::run, "modyn-storage-flush");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public void submit(FlushTask task) {
        if (closed) {
            task.done().completeExceptionally(new StorageException("file storage is shut down", true));
            return;
        }
        queue.add(task);
    }

    private void run() {
        while (!closed) {
            FlushTask task;
            try {
                task = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue;
            }
            if (task != null) flushUntilDone(task);
        }
        List<FlushTask> abandoned = new ArrayList<>();
        queue.drainTo(abandoned);
        StorageException closing = new StorageException("file storage closed before this flush; the commit log keeps its data", true);
        for (FlushTask task : abandoned) task.done().completeExceptionally(closing);
    }

    private void flushUntilDone(FlushTask task) {
        while (true) {
            long began = System.nanoTime();
            long bytes = task.memtable().memoryBytes();
            LOG.info(() -> "Flush started: keyspace " + task.keyspace().name() + ", " + bytes + " bytes");
            try {
                handler.flush(task);
                long took = System.nanoTime() - began;
                LOG.info(() -> "Flush finished: keyspace " + task.keyspace().name() + ", " + bytes + " bytes in " + took / 1_000_000 + " ms");
                flushNanos.addAndGet(took);
                flushes.incrementAndGet();
                budget.flushFailing(null);
                budget.flushed(task.memtable().memoryBytes());
                afterFlush(task);
                task.done().complete(null);
                return;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Flush failed: keyspace " + task.keyspace().name() + "; retrying in "
                        + RETRY_PAUSE_MILLIS + " ms (its data stays in memory and in the commit log)", e);
                budget.flushFailing(new StorageException("flush failed: " + e, e, true));
                if (closed || !pause()) {
                    task.done().completeExceptionally(e);
                    return;
                }
            }
        }
    }

    private void afterFlush(FlushTask task) {
        try {
            afterFlush.accept(task);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Work after a flush of keyspace " + task.keyspace().name() + " failed", e);
        }
    }

    private boolean pause() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RETRY_PAUSE_MILLIS);
        while (!closed && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return false;
            }
        }
        return !closed;
    }

    /** Flushes completed since start. */
    public long flushCount() {
        return flushes.get();
    }

    /** Time spent in completed flushes, in nanoseconds. */
    public long flushNanos() {
        return flushNanos.get();
    }

    /** Finishes the flush in progress, if any, and stops; memtables still queued stay in the commit log. */
    @Override
    public void close() {
        closed = true;
        // No interrupt: it would close the channel of a table being written (ClosedByInterruptException).
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
