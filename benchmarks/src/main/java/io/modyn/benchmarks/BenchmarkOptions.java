package io.modyn.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The command line of {@link Benchmark}; see its usage text. */
final class BenchmarkOptions {

    List<String> servers = new ArrayList<>(List.of("modyn-file", "dynalite"));
    /** Label to distribution directory, in the order given. */
    Map<String, Path> modynDistributions = new LinkedHashMap<>();
    String modynJavaOptions = "";
    Path dynalite;
    List<String> compare = new ArrayList<>();
    int clients = 16;
    /** Requests per second of all clients together (open loop), 0 for a closed loop. */
    int rate;
    int seconds = 20;
    int warmup = 5;
    int settleSeconds = 5;
    int itemBytes = 1024;
    long loadMegabytes = 64;
    long hotItems = 10_000;
    List<Workload> workloads = new ArrayList<>(List.of(Workload.GET_ITEM, Workload.QUERY, Workload.SCAN, Workload.PUT_ITEM));
    boolean recovery = true;
    Path results;
    Path work;
    boolean keepWork;
    /** Point-in-time recovery on for the benchmark's table (UpdateContinuousBackups after CreateTable), to price its history writes. */
    boolean pointInTimeRecovery;
    String jdbcUrl = System.getenv().getOrDefault("MODYN_BENCH_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/modyn_bench?user=postgres");

    static BenchmarkOptions parse(String[] args) {
        BenchmarkOptions o = new BenchmarkOptions();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--keep-work")) {
                o.keepWork = true;
                continue;
            }
            if (option.equals("--pitr")) {
                o.pointInTimeRecovery = true;
                continue;
            }
            if (option.equals("--no-recovery")) {
                o.recovery = false;
                continue;
            }
            if (i + 1 >= args.length) throw new IllegalArgumentException(option + " needs a value");
            String value = args[++i];
            switch (option) {
                case "--servers" -> o.servers = value.equals("none") ? new ArrayList<>() : new ArrayList<>(List.of(value.split(",")));
                case "--modyn-dist" -> {
                    int equals = value.indexOf('=');
                    // Absolute: each server runs in a work directory of its own.
                    Path directory = Path.of(equals < 0 ? value : value.substring(equals + 1)).toAbsolutePath().normalize();
                    String label = equals < 0 ? directory.getFileName().toString() : value.substring(0, equals);
                    o.modynDistributions.put(label, directory);
                }
                case "--modyn-java-opts" -> o.modynJavaOptions = value;
                case "--dynalite" -> o.dynalite = Path.of(value).toAbsolutePath();
                case "--compare" -> o.compare.add(value);
                case "--clients", "--threads" -> o.clients = Integer.parseInt(value);
                case "--rate" -> o.rate = Integer.parseInt(value);
                case "--seconds" -> o.seconds = Integer.parseInt(value);
                case "--warmup" -> o.warmup = Integer.parseInt(value);
                case "--settle" -> o.settleSeconds = Integer.parseInt(value);
                case "--item-bytes" -> o.itemBytes = Integer.parseInt(value);
                case "--load-mb" -> o.loadMegabytes = Long.parseLong(value);
                case "--hot-items" -> o.hotItems = Long.parseLong(value);
                case "--workloads" -> o.workloads = value.equals("none") ? new ArrayList<>()
                        : new ArrayList<>(Arrays.stream(value.split(",")).map(Workload::byId).toList());
                case "--results" -> o.results = Path.of(value);
                case "--work" -> o.work = Path.of(value);
                case "--jdbc-url" -> o.jdbcUrl = value;
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (o.modynDistributions.isEmpty()) {
            o.modynDistributions.put("today", Path.of(System.getProperty("modyn.distribution", "distribution/target/modyn")).toAbsolutePath());
        }
        return o;
    }

    /** Items of the load phase: the size asked for, in whole batches of whole ten-item partitions. */
    long loadedItems() {
        long items = loadMegabytes * 1_000_000 / itemBytes;
        long unit = 50; // a multiple of both the batch (25) and the partition (10)
        return Math.max(unit, (items + unit - 1) / unit * unit);
    }
}
