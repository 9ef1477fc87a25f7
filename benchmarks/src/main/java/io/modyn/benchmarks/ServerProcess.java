package io.modyn.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server the benchmark starts as its own process, on a free port and a work directory of its own,
 * so that its CPU time and disk writes can be read apart from the load generator's. Ready means
 * {@link #ready()} says so; the time from spawning the process to ready is the startup (or, after
 * {@code kill -9}, the recovery) time.
 */
abstract class ServerProcess implements ServerUnderTest {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    private final String name;
    private final Path workDirectory;
    protected final int port;
    private Process process;

    ServerProcess(String name, Path workDirectory) {
        this.name = name;
        this.workDirectory = workDirectory;
        this.port = freePort();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    @Override
    public long pid() {
        return process.pid();
    }

    Path workDirectory() {
        return workDirectory;
    }

    /** The command line that starts the server in the foreground. */
    abstract List<String> command();

    /** Whether the started server answers as ready to serve API requests. */
    abstract boolean ready();

    @Override
    public Duration start() throws IOException, InterruptedException {
        Files.createDirectories(workDirectory);
        long begin = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command())
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        environment(builder);
        process = builder.start();
        long deadline = begin + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException(name + " exited; see " + log());
            if (ready()) return Duration.ofNanos(System.nanoTime() - begin);
            Thread.sleep(20);
        }
        throw new IllegalStateException(name + " was not ready within " + START_TIMEOUT + "; see " + log());
    }

    /** Adds environment variables for the server process; none by default. */
    void environment(ProcessBuilder builder) {
    }

    @Override
    public Duration killAndRestart() throws IOException, InterruptedException {
        process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs, nothing is flushed
        process.waitFor();
        return start();
    }

    @Override
    public ServerActivity followActivity() throws IOException {
        return ServerActivity.follow(log());
    }

    Path log() {
        return workDirectory.resolve("server.log");
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null || !process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
