package io.modyn.benchmarks;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Measures PutItem, GetItem and Query against Modyn (on each requested storage backend) and
 * DynamoDB Local in the same run, through the AWS SDK for Java v2 as applications use it, and
 * prints throughput, p50/p99 latency and the server's CPU time per operation.
 *
 * <pre>
 *   benchmarks/run [--servers modyn-file,modyn-postgres,dynamodb-local] [--threads 16]
 *                  [--seconds 20] [--warmup 5] [--jdbc-url jdbc:postgresql://127.0.0.1:5432/bench]
 * </pre>
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path work = Files.createTempDirectory("modyn-bench");
        List<Measurement> results = new ArrayList<>();
        for (String server : options.servers) {
            try (ServerProcess process = create(server, options)) {
                System.err.println("== " + process.name());
                process.start(work.resolve(server));
                results.addAll(measure(process, options));
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%d client threads, %d s per workload after %d s warm-up, %d cores%n%n",
                options.threads, options.seconds, options.warmup, Runtime.getRuntime().availableProcessors());
        System.out.println("| server | operation | ops/s | p50 ms | p99 ms | server CPU µs/op | errors |");
        System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
        for (Measurement m : results) {
            System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.2f | %.2f | %.0f | %d |%n", m.server(), m.workload(), m.throughput(),
                    m.percentileMillis(50), m.percentileMillis(99), m.serverCpuMicrosPerOperation(), m.errors());
        }
    }

    private static List<Measurement> measure(ServerProcess process, Options options) throws Exception {
        List<Measurement> results = new ArrayList<>();
        try (DynamoDbClient client = client(process.endpoint(), options.threads)) {
            String table = "bench";
            Workload.createTable(client, table);
            System.err.println("   loading " + Workload.PARTITIONS * Workload.ITEMS_PER_PARTITION + " items");
            Workload.load(client, table);
            LoadGenerator load = new LoadGenerator(options.threads, Duration.ofSeconds(options.warmup), Duration.ofSeconds(options.seconds));
            for (Workload workload : Workload.values()) {
                System.err.println("   " + workload.label());
                results.add(load.run(process, client, table, workload));
            }
        }
        return results;
    }

    private static ServerProcess create(String server, Options options) {
        Path distribution = Path.of(options.distribution);
        return switch (server) {
            case "modyn-file" -> ModynServerProcess.onFiles(distribution);
            case "modyn-postgres" -> ModynServerProcess.onPostgres(distribution, options.jdbcUrl);
            case "dynamodb-local" -> new DynamoDbLocalProcess(options.classpath, Path.of(options.nativeLibraries));
            default -> throw new IllegalArgumentException("unknown server " + server);
        };
    }

    private static DynamoDbClient client(URI endpoint, int threads) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(threads * 2))
                .build();
    }

    private static final class Options {
        List<String> servers = List.of("modyn-file", "dynamodb-local");
        int threads = 16;
        int seconds = 20;
        int warmup = 5;
        String jdbcUrl = System.getenv().getOrDefault("MODYN_BENCH_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/modyn_bench?user=postgres");
        String distribution = System.getProperty("modyn.distribution", "distribution/target/modyn");
        String classpath = System.getProperty("java.class.path");
        String nativeLibraries = System.getProperty("sqlite.natives", "benchmarks/target/native");

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--servers" -> o.servers = List.of(value.split(","));
                    case "--threads" -> o.threads = Integer.parseInt(value);
                    case "--seconds" -> o.seconds = Integer.parseInt(value);
                    case "--warmup" -> o.warmup = Integer.parseInt(value);
                    case "--jdbc-url" -> o.jdbcUrl = value;
                    case "--distribution" -> o.distribution = value;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return o;
        }
    }
}
