package io.modyn.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A Modyn server for tests, started as a child process of a distribution's {@code bin/modyn}: on
 * free loopback ports, with a temporary data directory of its own (deleted when it stops) and, by
 * default, in-memory storage, so it starts fast, writes nothing that outlives it and never meets
 * another test's server. Usable without JUnit:
 *
 * <pre>{@code
 * try (ModynServer server = ModynServer.builder().start()) {
 *     DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(server.endpoint())...;
 * }
 * }</pre>
 *
 * <p>Settings of the environment that runs the tests ({@code MODYN_*}, {@code JAVA_OPTS}) do not
 * reach the server: only the builder's options do. A child left running when the JVM exits is
 * ended by a shutdown hook.
 */
public final class ModynServer implements AutoCloseable {

    /** Servers of this JVM still running, ended at its exit if a test forgot to close one. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "modyn-junit-cleanup"));
    }

    private static final int START_ATTEMPTS = 3;

    private final Builder settings;
    private final Path home;
    private final Path workDir;
    private final Path log;
    private final TableSweeper sweeper;
    private int port;
    private int adminPort;
    private Process process;

    private ModynServer(Builder settings) {
        this.settings = settings;
        this.home = settings.distribution != null ? ModynDistribution.serverFolder(settings.distribution) : ModynDistribution.locate();
        try {
            this.workDir = Files.createTempDirectory("modyn-junit");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.log = workDir.resolve("server.log");
        this.sweeper = new TableSweeper(this::endpoint, settings.region);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The DynamoDB endpoint, {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** The region the server reports in ARNs, for clients that must name one. */
    public String region() {
        return settings.region;
    }

    /** The server's output, for a test that wants to read it or show it when it fails. */
    public Path log() {
        return log;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Deletes every table and waits until none is listed: a clean state without a restart, for a
     * server shared by several test classes.
     */
    public void deleteAllTables() {
        sweeper.deleteAll();
    }

    /** Stops the server and starts it again on the same ports (on in-memory storage: empty). */
    public void restart() {
        stopProcess();
        startOnPorts(port, adminPort);
    }

    /** Stops the server (gracefully, as SIGTERM does) and deletes its data directory. */
    @Override
    public void close() {
        stopProcess();
        Directories.deleteQuietly(workDir);
    }

    private ModynServer start() {
        for (int attempt = 1; ; attempt++) {
            int[] ports = FreePorts.allocate(2);
            try {
                startOnPorts(ports[0], ports[1]);
                return this;
            } catch (IllegalStateException e) {
                // Another process may take a port between its choice and the server's bind: try others.
                if (attempt == START_ATTEMPTS || !logTail().contains("Address already in use")) {
                    close();
                    throw e;
                }
            }
        }
    }

    private void startOnPorts(int port, int adminPort) {
        this.port = port;
        this.adminPort = adminPort;
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/modyn").toString(),
                "--port", String.valueOf(port),
                "--bind", "127.0.0.1",
                "--admin-port", String.valueOf(adminPort),
                "--data-dir", workDir.resolve("data").toString(),
                "--region", settings.region));
        if (settings.inMemory) command.add("--in-memory");
        command.addAll(settings.options);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("MODYN_") || name.equals("JAVA_OPTS"));
        builder.environment().putAll(settings.environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command.get(0), e);
        }
        RUNNING.add(process);
        awaitServing();
    }

    private void awaitServing() {
        Instant deadline = Instant.now().plus(settings.startTimeout);
        while (true) {
            if (!process.isAlive()) {
                RUNNING.remove(process);
                throw new IllegalStateException("Modyn exited with status " + process.exitValue() + " before serving. Server log:\n" + logTail());
            }
            if (sweeper.serving()) return;
            if (Instant.now().isAfter(deadline)) {
                stopProcess();
                throw new IllegalStateException("Modyn did not serve within " + settings.startTimeout.toSeconds() + " s. Server log:\n" + logTail());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopProcess();
                throw new IllegalStateException("Interrupted waiting for Modyn to start", e);
            }
        }
    }

    private void stopProcess() {
        if (process == null) return;
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            RUNNING.remove(process);
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return "Modyn on " + endpoint() + (settings.inMemory ? " (in memory)" : "");
    }

    /** What server to start; {@link #start()} starts it. */
    public static final class Builder {

        private Path distribution;
        private boolean inMemory = true;
        private String region = "us-east-1";
        private final List<String> options = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Duration startTimeout = Duration.ofSeconds(90);

        private Builder() {
        }

        /** A server folder or {@code modyn-<version>.tar.gz}; by default {@link ModynDistribution#locate()}. */
        public Builder distribution(Path folderOrArchive) {
            this.distribution = folderOrArchive;
            return this;
        }

        /** In-memory storage (the default), or the distribution's default file storage in the temporary data directory. */
        public Builder inMemory(boolean inMemory) {
            this.inMemory = inMemory;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** More {@code bin/modyn} options, such as {@code "--auth", "iam"}. */
        public Builder options(String... options) {
            this.options.addAll(List.of(options));
            return this;
        }

        /** An environment variable for the server (such as {@code MODYN_ROOT_ACCESS_KEY_ID}). */
        public Builder environment(String name, String value) {
            this.environment.put(name, value);
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** Starts the server and returns once it serves data requests. */
        public ModynServer start() {
            return new ModynServer(this).start();
        }

        /** A key for servers that may be shared: the same settings, the same server. */
        String key() {
            return distribution + "|" + inMemory + "|" + region + "|" + options + "|" + environment;
        }
    }
}
