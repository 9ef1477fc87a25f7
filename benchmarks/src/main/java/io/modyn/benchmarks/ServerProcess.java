package io.modyn.benchmarks;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A server under test, run as its own process so that its CPU time can be read from
 * {@code /proc/<pid>/stat} apart from the load generator's.
 */
abstract class ServerProcess implements AutoCloseable {

    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final String name;
    private Process process;
    protected final int port;

    ServerProcess(String name) {
        this.name = name;
        this.port = freePort();
    }

    String name() {
        return name;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The command line that starts the server in the foreground. */
    abstract List<String> command(Path workDirectory);

    void start(Path workDirectory) throws IOException, InterruptedException {
        Files.createDirectories(workDirectory);
        process = new ProcessBuilder(command(workDirectory))
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDirectory.resolve("server.log").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException(name + " exited; see " + workDirectory.resolve("server.log"));
            if (answers()) return;
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " did not start within 60 s; see " + workDirectory.resolve("server.log"));
    }

    /** User plus system CPU time the server process has used so far. */
    Duration cpuTime() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return Duration.ofMillis(ticks * 1000 / CLOCK_TICKS_PER_SECOND);
    }

    /** Any HTTP answer will do: a request that still meets a starting server is retried by the SDK. */
    private boolean answers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint().toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.getResponseCode();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null) return;
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
