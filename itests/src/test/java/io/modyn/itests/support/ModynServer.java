package io.modyn.itests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * One Modyn server process, started from the assembled distribution the way the README starts it:
 * {@code bin/modyn --port --bind --data-dir --region --admin-port --storage ...}, on free ports, with
 * a data directory of its own, on the run's {@link StorageBackend} (on PostgreSQL, in a schema of
 * its own).
 *
 * <p>Each server runs from a private copy of the distribution folder under the work directory
 * ({@code target/servers/<name>-<n>/modyn}), so servers never share Felix's bundle cache or
 * {@code deploy/} folder and tests never dirty {@code distribution/target}. The process output
 * goes to {@code server.log} beside it; failures to start quote its tail.
 *
 * <p>The server counts as started once {@code GET /} answers and a data request is no longer
 * answered with 503 (storage bound). {@link #kill()} sends SIGKILL ({@link
 * Process#destroyForcibly()} on Linux; the exit code 137 = 128 + 9 proves it), {@link #stop()}
 * SIGTERM, so the JVM's shutdown hooks stop Felix cleanly. Both also signal the process's
 * descendants, so they work whether or not {@code bin/modyn} {@code exec}s its JVM.
 */
public final class ModynServer implements AutoCloseable {

    public static final String DEFAULT_REGION = "us-east-1";

    private static final Duration START_TIMEOUT =
            Duration.ofSeconds(Long.getLong("modyn.itests.startTimeoutSeconds", 90));
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger SERVERS = new AtomicInteger();
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        // A failed or interrupted test run must not leave servers behind.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(ModynServer::killTree)));
    }

    private final String name;
    private final String region;
    private final Path home;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private final int adminPort;
    private final StorageBackend storage = StorageBackend.current();
    private final String schema;
    /** False for a node started on another server's schema: that server empties and drops it. */
    private final boolean ownsSchema;
    /** The JDBC URL given to {@code bin/modyn}; null for the run's database as named by the environment. */
    private final String jdbcUrl;
    /** Variables added to the process's environment (such as {@code JAVA_OPTS}), at every start. */
    private Map<String, String> environment;
    /** What a client must trust to reach a server started with TLS; null for plain HTTP. */
    private final SSLContext clientTls;
    private final HttpClient http;
    /** More {@code bin/modyn} options, after the ones every server gets. */
    private List<String> extraOptions = List.of();
    private Process process;

    /** {@code sharedSchema}: another server's schema to use, or null for a fresh one of its own. */
    private ModynServer(String name, String region, Path workDir, String sharedSchema, String jdbcUrl, Map<String, String> environment,
                        SSLContext clientTls) {
        this.name = name;
        this.region = region;
        this.home = workDir.resolve("modyn");
        this.dataDir = workDir.resolve("data");
        this.log = workDir.resolve("server.log");
        int[] ports = FreePorts.allocate(2);
        this.port = ports[0];
        this.adminPort = ports[1];
        this.schema = sharedSchema == null ? StorageBackend.newSchema(name) : sharedSchema;
        this.ownsSchema = sharedSchema == null;
        this.jdbcUrl = jdbcUrl;
        this.environment = Map.copyOf(environment);
        this.clientTls = clientTls;
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
        if (clientTls != null) client.sslContext(clientTls);
        this.http = client.build();
    }

    /** Copies the distribution, starts it in region {@value #DEFAULT_REGION} and waits until it serves requests. */
    public static ModynServer start(String name) {
        return start(name, DEFAULT_REGION);
    }

    /** Copies the distribution, starts it with {@code --region region} and waits until it serves requests. */
    public static ModynServer start(String name, String region) {
        return start(name, region, null, null, Map.of());
    }

    /** Like {@link #start(String)}, with variables added to the server's environment, such as {@code JAVA_OPTS}. */
    public static ModynServer startWithEnvironment(String name, Map<String, String> environment) {
        return start(name, DEFAULT_REGION, null, null, environment);
    }

    /** Copies the distribution and starts it with these {@code bin/modyn} options besides the usual ones. */
    public static ModynServer startWithOptions(String name, List<String> options) {
        return start(name, DEFAULT_REGION, null, null, Map.of(), options);
    }

    /**
     * Copies the distribution and starts it with these {@code bin/modyn} options and these
     * environment variables (for instance {@code MODYN_ROOT_ACCESS_KEY_ID}), which are set after
     * the test runner's own {@code MODYN_*} variables are removed.
     */
    public static ModynServer startWithEnvironment(String name, List<String> options, Map<String, String> environment) {
        return start(name, DEFAULT_REGION, null, null, environment, options);
    }

    /**
     * Starts a server serving HTTPS ({@code options} name its certificate and key) and waits for it
     * through a client that trusts what {@code clientTls} trusts (and presents its certificate, if any).
     */
    public static ModynServer startWithTls(String name, List<String> options, SSLContext clientTls) {
        return start(name, DEFAULT_REGION, null, null, Map.of(), options, clientTls);
    }

    /**
     * Starts another node of {@code peer}'s cluster (PostgreSQL only): a process with its own
     * distribution copy, ports and data directory on the same database and schema, as nodes behind
     * a load balancer share one database. Closing it leaves the schema to {@code peer}.
     */
    public static ModynServer startSharingDatabase(String name, ModynServer peer) {
        return startSharingDatabase(name, peer, List.of(), Map.of());
    }

    /**
     * Like {@link #startSharingDatabase(String, ModynServer)}, with these {@code bin/modyn} options
     * and environment variables (for instance {@code --auth iam} and the keys it needs).
     */
    public static ModynServer startSharingDatabase(String name, ModynServer peer, List<String> options, Map<String, String> environment) {
        requirePostgres(name);
        return start(name, peer.region, peer.schema, peer.jdbcUrl, withPeersRootKey(peer, options, environment), options);
    }

    /**
     * Nodes on one database share the KMS root key, as operators must set them up (a node with another
     * key refuses to start): unless the options or environment name one, the node reads the peer's
     * generated key file.
     */
    private static Map<String, String> withPeersRootKey(ModynServer peer, List<String> options, Map<String, String> environment) {
        boolean named = options.contains("--kms-root-key-file") || environment.containsKey("MODYN_KMS_ROOT_KEY_FILE")
                || environment.containsKey("MODYN_KMS_ROOT_KEY");
        if (named) return environment;
        Map<String, String> shared = new HashMap<>(peer.environment);
        shared.keySet().retainAll(Set.of("MODYN_KMS_ROOT_KEY_FILE", "MODYN_KMS_ROOT_KEY"));
        if (shared.isEmpty()) {
            shared.put("MODYN_KMS_ROOT_KEY_FILE", peer.dataDir.getParent().resolve("secrets").resolve("kms-root.key").toString());
        }
        shared.putAll(environment);
        return shared;
    }

    /**
     * Starts a server (PostgreSQL only, in a fresh schema of its own) that reaches the run's
     * database at {@code database} instead of the host and port in
     * {@value StorageBackend#POSTGRES_URL}, for instance through a {@link TcpForwarder}.
     */
    public static ModynServer startWithDatabaseAt(String name, InetSocketAddress database) {
        requirePostgres(name);
        return start(name, DEFAULT_REGION, null, StorageBackend.postgresUrlVia(database), Map.of());
    }

    private static ModynServer start(String name, String region, String sharedSchema, String jdbcUrl, Map<String, String> environment) {
        return start(name, region, sharedSchema, jdbcUrl, environment, List.of());
    }

    private static ModynServer start(String name, String region, String sharedSchema, String jdbcUrl, Map<String, String> environment,
                                     List<String> options) {
        return start(name, region, sharedSchema, jdbcUrl, environment, options, null);
    }

    private static ModynServer start(String name, String region, String sharedSchema, String jdbcUrl, Map<String, String> environment,
                                     List<String> options, SSLContext clientTls) {
        return start(Distribution.folder(), name, region, sharedSchema, jdbcUrl, environment, options, clientTls);
    }

    /**
     * Copies another server folder than the distribution's (an assembly of bin/modyn-assemble) and
     * starts it with these options and environment besides the usual ones.
     */
    public static ModynServer startFolder(Path serverFolder, String name, List<String> options, Map<String, String> environment) {
        return start(serverFolder, name, DEFAULT_REGION, null, null, environment, options, null);
    }

    private static ModynServer start(Path distribution, String name, String region, String sharedSchema, String jdbcUrl,
                                     Map<String, String> environment, List<String> options, SSLContext clientTls) {
        Path workDir = workRoot().resolve(name + "-" + SERVERS.incrementAndGet());
        DirectoryTree.delete(workDir);
        ModynServer server = new ModynServer(name, region, workDir, sharedSchema, jdbcUrl, environment, clientTls);
        server.extraOptions = List.copyOf(options);
        DirectoryTree.copy(distribution, server.home, Set.of("data"));
        try {
            Files.createDirectories(server.dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (server.ownsSchema) server.storage.dropSchema(server.schema);
        server.launch();
        return server;
    }

    private static void requirePostgres(String name) {
        if (StorageBackend.current() != StorageBackend.POSTGRES) {
            throw new IllegalStateException(name + ": only a server on PostgreSQL storage can share or relocate its database");
        }
    }

    /** Starts the server again on the same ports and data directory, after {@link #stop()} or {@link #kill()}. */
    public void restart() {
        if (isRunning()) throw new IllegalStateException(name + " is still running");
        launch();
    }

    /**
     * Starts the server again on the same ports and data directory with these variables added to its
     * environment from now on (e.g. a clock set ahead with {@link FakeTime}), after {@link #stop()}.
     */
    public void restartWithEnvironment(Map<String, String> added) {
        if (isRunning()) throw new IllegalStateException(name + " is still running");
        Map<String, String> next = new HashMap<>(environment);
        next.putAll(added);
        environment = Map.copyOf(next);
        launch();
    }

    /** SIGTERM and wait: Felix stops its bundles. Returns the exit code. */
    public int stop() {
        return terminate(false);
    }

    /** SIGKILL and wait: nothing in the server gets to run. Returns the exit code (137 on Linux). */
    public int kill() {
        return terminate(true);
    }

    /**
     * Starts the server again on the same ports and data directory, expecting it to fail: waits for
     * the process to end by itself within {@code timeout} and returns its exit code.
     */
    public int restartExpectingExit(Duration timeout) {
        if (isRunning()) throw new IllegalStateException(name + " is still running");
        spawn();
        return awaitExit(timeout);
    }

    /**
     * Waits for the process to end by itself (nothing is sent to it) and returns its exit code;
     * fails if it still runs after {@code timeout}.
     */
    public int awaitExit(Duration timeout) {
        if (process == null) throw new IllegalStateException(name + " was never started");
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " still runs " + timeout.toSeconds() + " s later. Server log:\n" + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        RUNNING.remove(process);
        return process.exitValue();
    }

    /** The process bin/modyn runs as: the JVM itself when it {@code exec}s it, else among its descendants. */
    public ProcessHandle processHandle() {
        if (process == null) throw new IllegalStateException(name + " was never started");
        return process.toHandle();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public URI endpoint() {
        return URI.create((clientTls == null ? "http" : "https") + "://127.0.0.1:" + port);
    }

    /** The client side of the server's TLS (see {@link #startWithTls}), or null when it serves plain HTTP. */
    public SSLContext clientTls() {
        return clientTls;
    }

    public int port() {
        return port;
    }

    /** The region given with {@code --region}: in ARNs, and the region clients sign for. */
    public String region() {
        return region;
    }

    /**
     * The admin endpoint's client; on a server started with {@code --auth iam} it signs as the
     * account root with the keys given in the environment ({@code MODYN_ROOT_ACCESS_KEY_ID} and
     * {@code MODYN_ROOT_SECRET_ACCESS_KEY}), as the endpoint then requires.
     */
    public AdminClient admin() {
        AdminClient client = new AdminClient(URI.create("http://127.0.0.1:" + adminPort), dataDir);
        int auth = extraOptions.indexOf("--auth");
        boolean iam = auth >= 0 && auth + 1 < extraOptions.size() && extraOptions.get(auth + 1).equals("iam");
        String keyId = environment.get("MODYN_ROOT_ACCESS_KEY_ID");
        String secret = environment.get("MODYN_ROOT_SECRET_ACCESS_KEY");
        return iam && keyId != null && secret != null ? client.signedAs(keyId, secret, region) : client;
    }

    /** The server folder this process runs from (a copy of the distribution). */
    public Path home() {
        return home;
    }

    /** The PostgreSQL schema this server's records are in (on file storage: unused). */
    public String schema() {
        return schema;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path log() {
        return log;
    }

    /** The last lines the server printed, for failure messages. */
    public String logTail() {
        try {
            if (!Files.exists(log)) return "(no log at " + log + ")";
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /**
     * Stops the server if it runs (killing it if it will not stop) and removes the distribution copy
     * and its PostgreSQL schema (unless it shares another server's); keeps log and data directory.
     */
    @Override
    public void close() {
        try {
            if (isRunning()) stop();
        } finally {
            if (isRunning()) kill();
            DirectoryTree.delete(home);
            if (ownsSchema) storage.dropSchema(schema);
        }
    }

    /** Deletes the data directory of a server no longer running: for tests whose data is too large to keep. */
    public void deleteDataDirectory() {
        if (isRunning()) throw new IllegalStateException(name + " is still running");
        DirectoryTree.delete(dataDir);
    }

    @Override
    public String toString() {
        return name + " on " + endpoint() + " (" + storage.name().toLowerCase(Locale.ROOT) + " storage, admin port "
                + adminPort + ", log " + log + ")";
    }

    private void launch() {
        Instant started = Instant.now();
        spawn();
        awaitServing();
        System.out.println("[itests] " + this + " serving after "
                + Duration.between(started, Instant.now()).toMillis() + " ms");
    }

    private void spawn() {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin").resolve("modyn").toString(),
                "--port", String.valueOf(port),
                "--bind", "127.0.0.1",
                "--data-dir", dataDir.toString(),
                "--region", region,
                "--admin-port", String.valueOf(adminPort)));
        command.addAll(jdbcUrl == null ? storage.serverOptions(schema) : storage.serverOptions(schema, jdbcUrl));
        command.addAll(extraOptions);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // The flags decide; settings from the environment of whoever runs the tests must not.
        builder.environment().keySet().removeIf(variable -> variable.startsWith("MODYN_") || variable.equals("JAVA_OPTS"));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command.get(0), e);
        }
        RUNNING.add(process);
    }

    private void awaitServing() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        WireClient wire = new WireClient(this);
        while (true) {
            if (!process.isAlive()) {
                RUNNING.remove(process);
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before serving requests. Server log:\n" + logTail());
            }
            if (healthAnswers() && dataRequestsServed(wire)) return;
            if (Instant.now().isAfter(deadline)) {
                killTree(process);
                throw new IllegalStateException(name + " did not serve requests within " + START_TIMEOUT.toSeconds()
                        + " s. Server log:\n" + logTail());
            }
            sleep(100);
        }
    }

    private boolean healthAnswers() {
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint().resolve("/")).timeout(Duration.ofSeconds(2)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** While no storage is bound the server answers 503; tests want a server that stores data. */
    private static boolean dataRequestsServed(WireClient wire) {
        try {
            return wire.post("ListTables").body("{}").send().status() != 503;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    private int terminate(boolean force) {
        if (process == null) throw new IllegalStateException(name + " was never started");
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        for (ProcessHandle handle : tree) {
            if (force) handle.destroyForcibly();
            else handle.destroy();
        }
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                killTree(process);
                process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                throw new IllegalStateException(name + " did not stop within " + STOP_TIMEOUT.toSeconds()
                        + " s of " + (force ? "SIGKILL" : "SIGTERM") + ". Server log:\n" + logTail());
            }
            awaitExit(tree);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            RUNNING.remove(process);
        }
        return process.exitValue();
    }

    /** A JVM started by a {@code bin/modyn} that does not exec it must be gone too, or it would hold the port and data. */
    private void awaitExit(List<ProcessHandle> tree) throws InterruptedException {
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                handle.destroyForcibly();
                throw new IllegalStateException(name + ": process " + handle.pid() + " outlived the server", e);
            }
        }
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static Path workRoot() {
        return Path.of(System.getProperty("modyn.itests.work", "target/servers")).toAbsolutePath();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
