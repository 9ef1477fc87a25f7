package io.modyn.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The storage benchmark of issue 12: durable PutItem, GetItem from a hot set, Query of ten items and
 * Scan throughput, with server CPU per operation, p50/p99 and per-second p99 (to see a flush or a
 * compaction), write amplification and recovery time after {@code kill -9}, for one or more Modyn
 * distributions side by side with reference servers, one server after the other in the same run.
 * The load generator sends pre-serialized requests over keep-alive connections so that its own CPU
 * stays small; the report shows it.
 *
 * <pre>
 *   benchmarks/run [--modyn-dist [LABEL=]DIR]... [--servers modyn-file,modyn-postgres,dynalite|none]
 *                  [--compare NAME=http://HOST:PORT@PID]... [--dynalite PATH/cli.js]
 *                  [--clients 16] [--rate REQUESTS_PER_SECOND] [--seconds 20] [--warmup 5] [--settle 5] [--item-bytes 1024]
 *                  [--load-mb 64] [--hot-items 10000] [--workloads get,query,scan,put|none]
 *                  [--no-recovery] [--modyn-java-opts "-Xmx4g"] [--results DIR] [--work DIR] [--keep-work]
 *                  [--jdbc-url jdbc:postgresql://127.0.0.1:5432/bench]
 * </pre>
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(args);
        String machine = machine();
        Path work = options.work != null ? Files.createDirectories(options.work) : Files.createTempDirectory("modyn-bench");
        List<ServerReport> reports = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try {
            for (ServerUnderTest server : servers(options, work)) {
                try (server) {
                    System.err.println("== " + server.name());
                    reports.add(measure(server, options));
                } catch (IOException | RuntimeException e) {
                    // One server that fails (does not start, refuses a request) leaves the others' figures standing.
                    System.err.println("   " + server.name() + " failed: " + e);
                    failures.add(server.name() + ": " + e.getMessage());
                }
            }
        } finally {
            if (!options.keepWork) deleteRecursively(work);
        }
        Report report = new Report(options, machine, reports, failures);
        System.out.println();
        System.out.println(report.markdown());
        Path results = options.results != null ? options.results
                : Path.of("benchmarks/results", DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm'Z'").format(ZonedDateTime.now(ZoneOffset.UTC)));
        report.write(results);
        System.err.println("results in " + results.toAbsolutePath());
    }

    private static ServerReport measure(ServerUnderTest server, BenchmarkOptions options) throws IOException, InterruptedException {
        Duration startup = server.start();
        if (startup != null) System.err.printf(Locale.ROOT, "   ready in %.2f s (empty data)%n", startup.toMillis() / 1e3);
        Dataset dataset = new Dataset("bench_" + Long.toString(System.currentTimeMillis(), 36), options.itemBytes, options.loadedItems(),
                options.hotItems);
        long pid = server.pid();
        long writesBefore = ProcessStats.writeBytes(pid);
        TableSetup.create(server, dataset, options.pointInTimeRecovery);
        System.err.printf(Locale.ROOT, "   loading %d items of %d bytes%n", dataset.loadedItems(), dataset.itemBytes());
        DataLoader.Result load = DataLoader.load(server, dataset, options.clients);
        System.err.printf(Locale.ROOT, "   loaded in %.1f s (%.0f items/s)%n", load.elapsed().toMillis() / 1e3, load.itemsPerSecond());
        LoadGenerator generator = new LoadGenerator(options.clients, Duration.ofSeconds(options.warmup), Duration.ofSeconds(options.seconds), options.rate);
        List<Measurement> measurements = new ArrayList<>();
        long logicalBytes = load.logicalBytes();
        for (Workload workload : options.workloads) {
            System.err.println("   " + workload.label());
            Measurement m = generator.run(server, dataset, workload);
            measurements.add(m);
            logicalBytes += m.logicalBytesWritten() + m.warmUpLogicalBytesWritten(); // warm-up writes reached the disk in the same span
        }
        Thread.sleep(options.settleSeconds * 1000L); // background flushes and compactions the writes caused
        long serverWrites = ProcessStats.delta(writesBefore, ProcessStats.writeBytes(pid));
        long resident = ProcessStats.residentBytes(pid);
        RecoveryProbe.Recovery recovery = null;
        if (options.recovery && server.restartable() && server.dataDirectory() != null) {
            System.err.println("   kill -9 and restart");
            recovery = RecoveryProbe.measure(server, dataset);
            System.err.printf(Locale.ROOT, "   recovered %.0f MB in %.2f s%n", recovery.dataDirectoryBytes() / 1e6, recovery.untilReady().toMillis() / 1e3);
        } else if (!server.restartable()) {
            TableSetup.delete(server, dataset); // leave a server that is not ours as we found it
        }
        return new ServerReport(server.name(), startup, load, measurements, serverWrites, logicalBytes, recovery, resident);
    }

    private static List<ServerUnderTest> servers(BenchmarkOptions options, Path work) {
        List<ServerUnderTest> servers = new ArrayList<>();
        for (String kind : options.servers) {
            switch (kind) {
                case "modyn-file" -> options.modynDistributions.forEach((label, directory) ->
                        servers.add(ModynServerProcess.onFiles(label, directory, work.resolve("modyn-file-" + label), options.modynJavaOptions)));
                case "modyn-postgres" -> options.modynDistributions.forEach((label, directory) -> servers.add(
                        ModynServerProcess.onPostgres(label, directory, work.resolve("modyn-postgres-" + label), options.jdbcUrl, options.modynJavaOptions)));
                case "dynalite" -> {
                    if (options.dynalite == null) {
                        System.err.println("dynalite skipped: no --dynalite PATH (benchmarks/run installs it with npm)");
                    } else {
                        servers.add(new DynaliteProcess(options.dynalite, work.resolve("dynalite")));
                    }
                }
                case "dynamodb-local" -> throw new IllegalArgumentException("DynamoDB Local is not open source and no longer started by the "
                        + "benchmark: start it by hand and name it with --compare 'DynamoDB Local=http://127.0.0.1:PORT@PID'");
                default -> throw new IllegalArgumentException("unknown server " + kind + " (modyn-file, modyn-postgres, dynalite)");
            }
        }
        for (String specification : options.compare) servers.add(RunningServer.parse(specification));
        return servers;
    }

    /** The machine and date, for the report's first line. */
    private static String machine() throws IOException {
        String cpu = "unknown CPU";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(line -> line.startsWith("model name")).findFirst().map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse(cpu);
        }
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("[^0-9]", "");
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        return String.format(Locale.ROOT, "Run %s on %s, %d cores, %.1f GB RAM, Linux %s, Java %s; load average at start %s; commit %s.%n",
                DateTimeFormatter.ISO_INSTANT.format(ZonedDateTime.now(ZoneOffset.UTC).withNano(0)), cpu,
                Runtime.getRuntime().availableProcessors(), Long.parseLong(memory) / 1e6, System.getProperty("os.version"),
                System.getProperty("java.version"), load, System.getProperty("modyn.commit", "unknown"));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) return;
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        }
    }
}
