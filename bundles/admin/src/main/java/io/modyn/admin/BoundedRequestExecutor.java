package io.modyn.admin;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the admin endpoint's exchanges on a fixed small pool with a bounded queue, so requests are
 * served side by side (a slow command or a stalled client does not hold up a listing) while a flood
 * of connections cannot make the server start threads or queue work without end.
 *
 * <p>The JDK server reads a request on the thread it is given, and when its executor refuses an
 * exchange it closes the connection without a word. So an exchange the pool has no room for goes to
 * one overflow thread, whose only job is to answer 503 ({@link #isOverflow()} tells the handler so);
 * when that thread's small queue is full too, the connection is closed unanswered.
 */
final class BoundedRequestExecutor implements Executor {

    record Limits(int workers, int queued) {
        static final Limits DEFAULT = new Limits(4, 16);
    }

    private static final ThreadLocal<Boolean> OVERFLOW = ThreadLocal.withInitial(() -> false);

    private final ThreadPoolExecutor workers;
    private final ThreadPoolExecutor overflow;

    BoundedRequestExecutor(Limits limits) {
        workers = new ThreadPoolExecutor(limits.workers(), limits.workers(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.queued()), daemonThreads("modyn-admin-"));
        overflow = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.queued()), daemonThreads("modyn-admin-overflow-"));
    }

    /** Whether the current exchange runs on the overflow thread and must be answered 503. */
    static boolean isOverflow() {
        return OVERFLOW.get();
    }

    @Override
    public void execute(Runnable exchange) {
        try {
            workers.execute(exchange);
        } catch (RejectedExecutionException full) {
            overflow.execute(() -> {
                OVERFLOW.set(true);
                try {
                    exchange.run();
                } finally {
                    OVERFLOW.remove();
                }
            });
        }
    }

    /** Exchanges waiting for a worker (for tests). */
    int queued() {
        return workers.getQueue().size();
    }

    /** Interrupts running exchanges (a command waiting for the bundle lock gives up). */
    void shutdown() {
        workers.shutdownNow();
        overflow.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
