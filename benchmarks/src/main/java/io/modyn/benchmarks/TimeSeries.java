package io.modyn.benchmarks;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A workload's run second by second: the latencies of the requests that ended in each second, and
 * the server's CPU and disk writes in it (sampled once a second from /proc). A flush or a compaction
 * shows as a second with a burst of disk writes, and its p99 is the latency clients saw during it;
 * until the engine reports its flushes and compactions, that is how the CSV marks them.
 */
final class TimeSeries {

    private final long startNanos;
    private final LatencyHistogram[] seconds;
    private final long[] serverCpuNanos;
    private final long[] serverWriteBytes;
    private final AtomicIntegerArray duringFlush;
    private final AtomicIntegerArray duringCompaction;

    TimeSeries(long startNanos, int maxSeconds) {
        this.startNanos = startNanos;
        this.seconds = new LatencyHistogram[maxSeconds];
        for (int i = 0; i < maxSeconds; i++) seconds[i] = new LatencyHistogram();
        this.serverCpuNanos = new long[maxSeconds + 1];
        this.serverWriteBytes = new long[maxSeconds + 1];
        this.duringFlush = new AtomicIntegerArray(maxSeconds);
        this.duringCompaction = new AtomicIntegerArray(maxSeconds);
        Arrays.fill(serverCpuNanos, -1);
        Arrays.fill(serverWriteBytes, -1);
    }

    /** @param busy the {@link ServerActivity} bits seen while the request ran */
    void record(long endNanos, long latencyNanos, int busy) {
        int second = (int) ((endNanos - startNanos) / 1_000_000_000L);
        if (second < 0 || second >= seconds.length) return;
        seconds[second].recordNanos(latencyNanos);
        if ((busy & ServerActivity.FLUSH) != 0) duringFlush.incrementAndGet(second);
        if ((busy & ServerActivity.COMPACTION) != 0) duringCompaction.incrementAndGet(second);
    }

    /** Requests in second i that ran during a flush. */
    int duringFlush(int i) {
        return duringFlush.get(i);
    }

    /** Requests in second i that ran during a compaction. */
    int duringCompaction(int i) {
        return duringCompaction.get(i);
    }

    /** Reads the server's counters at the start of each second until {@code stop} is set; run on a thread of its own. */
    void sample(long pid, AtomicBoolean stop) {
        for (int k = 0; k <= seconds.length && !stop.get(); k++) {
            long wait = startNanos + k * 1_000_000_000L - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
            serverCpuNanos[k] = ProcessStats.cpuNanos(pid);
            serverWriteBytes[k] = ProcessStats.writeBytes(pid);
        }
    }

    /** Seconds that saw at least one request end. */
    int length() {
        int n = seconds.length;
        while (n > 0 && seconds[n - 1].count() == 0) n--;
        return n;
    }

    LatencyHistogram second(int i) {
        return seconds[i];
    }

    /** Server CPU in second i as a share of one core (1.0 = one core busy), or NaN. */
    double serverCores(int i) {
        long delta = ProcessStats.delta(serverCpuNanos[i], serverCpuNanos[i + 1]);
        return delta < 0 ? Double.NaN : delta / 1e9;
    }

    /** MB the server wrote to storage in second i, or NaN. */
    double serverWriteMegabytes(int i) {
        long delta = ProcessStats.delta(serverWriteBytes[i], serverWriteBytes[i + 1]);
        return delta < 0 ? Double.NaN : delta / 1e6;
    }

    /** The second with the highest p99 (whole seconds only: the last, partial one is left out), or -1. */
    int worstSecond() {
        int worst = -1;
        double worstP99 = -1;
        int complete = Math.max(1, length() - 1);
        for (int i = 0; i < complete; i++) {
            double p99 = seconds[i].percentileMillis(99);
            if (!Double.isNaN(p99) && p99 > worstP99) {
                worstP99 = p99;
                worst = i;
            }
        }
        return worst;
    }

    /** The second with the most disk writes by the server (a flush or compaction, if any ran), or -1. */
    int busiestWriteSecond() {
        int busiest = -1;
        double most = 0;
        int complete = Math.max(1, length() - 1);
        for (int i = 0; i < complete; i++) {
            double megabytes = serverWriteMegabytes(i);
            if (megabytes > most) {
                most = megabytes;
                busiest = i;
            }
        }
        return busiest;
    }
}
