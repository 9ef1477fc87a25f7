package io.modyn.itests.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the same work on several threads released at the same instant, so they contend from the
 * first request, and collects what each thread threw. Bounded: threads still busy at the timeout
 * are interrupted and the run fails.
 */
public final class ConcurrentWorkers {

    /** The work of one thread; {@code worker} numbers the threads from 0. */
    @FunctionalInterface
    public interface Work {
        void run(int worker) throws Exception;
    }

    private ConcurrentWorkers() {
    }

    /** Runs {@code work} on {@code count} threads and returns their failures (empty when all finished normally). */
    public static List<Throwable> run(int count, Duration timeout, Work work) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int worker = i;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    work.run(worker);
                } catch (Throwable t) {
                    failures.add(t);
                }
            }, "worker-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        start.countDown();
        Instant deadline = Instant.now().plus(timeout);
        for (Thread thread : threads) {
            thread.join(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
        }
        List<String> unfinished = threads.stream().filter(Thread::isAlive).map(Thread::getName).toList();
        if (!unfinished.isEmpty()) {
            threads.forEach(Thread::interrupt);
            throw new AssertionError(unfinished + " still running after " + timeout.toSeconds() + " s; failures so far: " + failures);
        }
        return List.copyOf(failures);
    }
}
