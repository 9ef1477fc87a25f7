package io.modyn.benchmarks;

import java.time.Duration;

/** What one workload did against one server: operations, latencies, CPU on both sides, bytes moved. */
record Measurement(String server, Workload workload, long operations, long errors, Duration elapsed, LatencyHistogram latencies,
        TimeSeries series, long serverCpuNanos, long clientCpuNanos, long responseBytes, long logicalBytesWritten,
        long warmUpLogicalBytesWritten, long serverWriteBytes, During during) {

    /** Latencies of the requests that ran while the server logged a flush or a compaction running, and how many began. */
    record During(LatencyHistogram flush, int flushes, LatencyHistogram compaction, int compactions) {
    }

    double p99DuringFlushMillis() {
        return during.flush().percentileMillis(99);
    }

    double p99DuringCompactionMillis() {
        return during.compaction().percentileMillis(99);
    }

    double throughput() {
        return operations / seconds();
    }

    double percentileMillis(double percentile) {
        return latencies.percentileMillis(percentile);
    }

    double serverCpuMicrosPerOperation() {
        return operations == 0 || serverCpuNanos < 0 ? Double.NaN : serverCpuNanos / 1e3 / operations;
    }

    double clientCpuMicrosPerOperation() {
        return operations == 0 || clientCpuNanos < 0 ? Double.NaN : clientCpuNanos / 1e3 / operations;
    }

    /** Response bytes per second in MB (10^6): the Scan figure. */
    double responseMegabytesPerSecond() {
        return responseBytes / 1e6 / seconds();
    }

    /** Bytes the server wrote to disk per item byte written by clients in this workload, or NaN. */
    double writeAmplification() {
        return logicalBytesWritten == 0 || serverWriteBytes < 0 ? Double.NaN : (double) serverWriteBytes / logicalBytesWritten;
    }

    /** p99 of the worst whole second, in ms. */
    double worstSecondP99Millis() {
        int worst = series.worstSecond();
        return worst < 0 ? Double.NaN : series.second(worst).percentileMillis(99);
    }

    /** p99 of the second with the most disk writes by the server (a flush or compaction), in ms. */
    double busiestWriteSecondP99Millis() {
        int busiest = series.busiestWriteSecond();
        return busiest < 0 ? Double.NaN : series.second(busiest).percentileMillis(99);
    }

    private double seconds() {
        return elapsed.toNanos() / 1e9;
    }
}
