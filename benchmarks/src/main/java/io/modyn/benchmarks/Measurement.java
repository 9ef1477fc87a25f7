package io.modyn.benchmarks;

import java.time.Duration;
import java.util.Arrays;

/** What one workload did against one server: operations, latencies and server CPU. */
record Measurement(String server, String workload, long operations, long errors, Duration elapsed, long[] sortedLatencyNanos,
        Duration serverCpu) {

    double throughput() {
        return operations / (elapsed.toNanos() / 1e9);
    }

    double percentileMillis(double percentile) {
        if (sortedLatencyNanos.length == 0) return Double.NaN;
        int index = (int) Math.ceil(percentile / 100.0 * sortedLatencyNanos.length) - 1;
        return sortedLatencyNanos[Math.max(0, index)] / 1e6;
    }

    double serverCpuMicrosPerOperation() {
        return operations == 0 ? Double.NaN : serverCpu.toNanos() / 1e3 / operations;
    }

    static long[] sorted(long[] latencies) {
        long[] copy = latencies.clone();
        Arrays.sort(copy);
        return copy;
    }
}
