package io.modyn.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * Everything measured on one server in a run.
 *
 * @param startup          spawn to ready on an empty data directory; null if not started here
 * @param serverWriteBytes disk writes by the server from table creation to the end of the last workload plus the settle time
 * @param logicalBytes     item bytes clients wrote in the same span (load phase and PutItem)
 * @param recovery         null if not measured (a server not ours, one in memory, or --no-recovery)
 * @param residentBytes    the server's RSS after the workloads, or -1
 */
record ServerReport(String server, Duration startup, DataLoader.Result load, List<Measurement> measurements, long serverWriteBytes,
        long logicalBytes, RecoveryProbe.Recovery recovery, long residentBytes) {

    /** Disk bytes written per item byte written, load and PutItem together, background work included; NaN if unknown. */
    double writeAmplification() {
        return serverWriteBytes < 0 || logicalBytes == 0 ? Double.NaN : (double) serverWriteBytes / logicalBytes;
    }
}
