package io.modyn.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The results of a run: a Markdown report (the tables a README quotes, with the machine and date)
 * and CSV files beside it, one summary and one per-second series per server and workload.
 */
final class Report {

    private final BenchmarkOptions options;
    private final String machine;
    private final List<ServerReport> servers;
    private final List<String> failures;

    Report(BenchmarkOptions options, String machine, List<ServerReport> servers, List<String> failures) {
        this.options = options;
        this.machine = machine;
        this.servers = servers;
        this.failures = failures;
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Storage benchmark\n\n").append(machine).append('\n');
        String loop = options.rate > 0
                ? String.format(Locale.ROOT, "open loop at %d requests/s in all (latency from each request's scheduled send time)", options.rate)
                : "closed loop";
        out.append(String.format(Locale.ROOT, "%d clients, %s, one keep-alive connection each, pre-serialized requests; "
                + "%d-byte items; %d s per workload after %d s warm-up; load phase %d items (%.0f MB of items); GetItem hot set %d items.%n%n",
                options.clients, loop, options.itemBytes, options.seconds, options.warmup, options.loadedItems(),
                options.loadedItems() * options.itemBytes / 1e6, options.hotItems));
        out.append("| operation | server | throughput | p50 ms | p99 ms | server CPU µs/op | client CPU µs/op | worst 1-s p99 ms "
                + "| p99 ms in the second of most disk writes | p99 ms during flush (flushes) | p99 ms during compaction (compactions) | errors |\n");
        out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Workload workload : Workload.values()) {
            for (ServerReport server : servers) {
                for (Measurement m : server.measurements()) {
                    if (m.workload() != workload) continue;
                    String throughput = workload == Workload.SCAN
                            ? String.format(Locale.ROOT, "%.1f MB/s (%.0f pages/s)", m.responseMegabytesPerSecond(), m.throughput())
                            : String.format(Locale.ROOT, "%.0f ops/s", m.throughput());
                    out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s (%d) | %s (%d) | %d |%n",
                            workload.label(), m.server(), throughput, number(m.percentileMillis(50), 2), number(m.percentileMillis(99), 2),
                            number(m.serverCpuMicrosPerOperation(), 0), number(m.clientCpuMicrosPerOperation(), 0),
                            number(m.worstSecondP99Millis(), 2), number(m.busiestWriteSecondP99Millis(), 2),
                            number(m.p99DuringFlushMillis(), 2), m.during().flushes(), number(m.p99DuringCompactionMillis(), 2),
                            m.during().compactions(), m.errors()));
                }
            }
        }
        out.append("\n| server | startup (empty) s | load items/s | write amplification (load + PutItem, background included) | "
                + "PutItem-phase write amplification | data on disk MB | recovery after kill -9 s | item read back | RSS MB |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |\n");
        for (ServerReport server : servers) {
            RecoveryProbe.Recovery recovery = server.recovery();
            Measurement put = server.measurements().stream().filter(m -> m.workload() == Workload.PUT_ITEM).findFirst().orElse(null);
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", server.server(),
                    server.startup() == null ? "n/a" : number(server.startup().toMillis() / 1e3, 2),
                    server.load() == null ? "n/a" : number(server.load().itemsPerSecond(), 0),
                    number(server.writeAmplification(), 2), put == null ? "n/a" : number(put.writeAmplification(), 2),
                    recovery == null ? "n/a" : number(recovery.dataDirectoryBytes() / 1e6, 0),
                    recovery == null ? "n/a" : number(recovery.untilReady().toMillis() / 1e3, 2),
                    recovery == null ? "n/a" : recovery.itemReadBack() ? "yes" : "NO",
                    server.residentBytes() < 0 ? "n/a" : number(server.residentBytes() / 1e6, 0)));
        }
        out.append("\nServer CPU: utime+stime of the server process from /proc/PID/stat over the measured seconds, divided by the "
                + "operations. Client CPU: the same for the benchmark's own JVM. Write amplification: write_bytes of the server "
                + "from /proc/PID/io divided by the item bytes clients wrote. \"Worst 1-s p99\" and the p99 in the second with the "
                + "most disk writes (a flush or compaction shows as such a second) come from the per-second series in "
                + "timeseries-*.csv. \"During flush/compaction\": requests that started or ended while the server's log said a "
                + "flush or compaction was running (lines \"Flush started\"/\"Flush finished\", \"Compaction started\"/"
                + "\"Compaction finished\"); n/a (0) where the server logs none.\n");
        for (String failure : failures) out.append("\nNot measured: ").append(failure).append('\n');
        return out.toString();
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("README.md"), markdown());
        StringBuilder summary = new StringBuilder("server,operation,ops_per_s,p50_ms,p99_ms,p999_ms,worst_second_p99_ms,"
                + "busiest_write_second_p99_ms,p99_during_flush_ms,flushes,p99_during_compaction_ms,compactions,server_cpu_us_per_op,"
                + "client_cpu_us_per_op,response_mb_per_s,errors,write_amplification\n");
        for (ServerReport server : servers) {
            for (Measurement m : server.measurements()) {
                summary.append(String.format(Locale.ROOT, "%s,%s,%.1f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%d,%.3f,%d,%.1f,%.1f,%.2f,%d,%.3f%n",
                        csv(m.server()), csv(m.workload().label()), m.throughput(), m.percentileMillis(50), m.percentileMillis(99),
                        m.percentileMillis(99.9), m.worstSecondP99Millis(), m.busiestWriteSecondP99Millis(), m.p99DuringFlushMillis(),
                        m.during().flushes(), m.p99DuringCompactionMillis(), m.during().compactions(), m.serverCpuMicrosPerOperation(),
                        m.clientCpuMicrosPerOperation(), m.responseMegabytesPerSecond(), m.errors(), m.writeAmplification()));
                Files.writeString(directory.resolve("timeseries-" + slug(m.server()) + "-" + m.workload().id() + ".csv"), series(m));
            }
        }
        Files.writeString(directory.resolve("summary.csv"), summary);
        StringBuilder storage = new StringBuilder("server,startup_s,load_items,load_items_per_s,write_bytes,logical_bytes,"
                + "write_amplification,data_dir_bytes,recovery_s,item_read_back,rss_bytes\n");
        for (ServerReport s : servers) {
            RecoveryProbe.Recovery r = s.recovery();
            storage.append(String.format(Locale.ROOT, "%s,%s,%d,%.1f,%d,%d,%.3f,%d,%s,%s,%d%n", csv(s.server()),
                    s.startup() == null ? "" : String.format(Locale.ROOT, "%.3f", s.startup().toMillis() / 1e3),
                    s.load() == null ? 0 : s.load().items(), s.load() == null ? Double.NaN : s.load().itemsPerSecond(),
                    s.serverWriteBytes(), s.logicalBytes(), s.writeAmplification(), r == null ? -1 : r.dataDirectoryBytes(),
                    r == null ? "" : String.format(Locale.ROOT, "%.3f", r.untilReady().toMillis() / 1e3),
                    r == null ? "" : String.valueOf(r.itemReadBack()), s.residentBytes()));
        }
        Files.writeString(directory.resolve("storage.csv"), storage);
    }

    /** One row a second; the second with the worst p99 and the one with the most disk writes are marked. */
    private static String series(Measurement m) {
        TimeSeries series = m.series();
        int worst = series.worstSecond();
        int busiest = series.busiestWriteSecond();
        StringBuilder out = new StringBuilder("second,ops,p50_ms,p99_ms,max_ms,server_cores,server_write_mb,ops_during_flush,"
                + "ops_during_compaction,mark\n");
        for (int i = 0; i < series.length(); i++) {
            LatencyHistogram second = series.second(i);
            String mark = (i == worst ? "max p99" : "") + (i == worst && i == busiest ? "; " : "") + (i == busiest ? "most disk writes" : "");
            out.append(String.format(Locale.ROOT, "%d,%d,%.3f,%.3f,%.3f,%.2f,%.2f,%d,%d,%s%n", i, second.count(), second.percentileMillis(50),
                    second.percentileMillis(99), second.maxMillis(), series.serverCores(i), series.serverWriteMegabytes(i),
                    series.duringFlush(i), series.duringCompaction(i), mark));
        }
        return out.toString();
    }

    private static String number(double value, int decimals) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String csv(String text) {
        return text.contains(",") ? "\"" + text + "\"" : text;
    }

    static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
