package io.modyn.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A DynamoDB endpoint being measured and the process that serves it, whose CPU and disk writes are
 * read from /proc. Either started by the benchmark ({@link ServerProcess}) or already running and
 * named on the command line ({@link RunningServer}).
 */
interface ServerUnderTest extends AutoCloseable {

    String name();

    InetSocketAddress address();

    /** The Host header value. */
    default String host() {
        return address().getHostString() + ":" + address().getPort();
    }

    long pid();

    /** Starts the server if the benchmark owns it; returns the time until it was ready, or null if not started here. */
    Duration start() throws IOException, InterruptedException;

    /** Follows the server's flushes and compactions from now on, as far as they can be known. */
    ServerActivity followActivity() throws IOException;

    /** Where the server keeps its data, or null (in memory, or not known). */
    Path dataDirectory();

    /** Whether {@link #killAndRestart()} can measure recovery. */
    boolean restartable();

    /** Kills the server with SIGKILL, starts it again on the same data, and returns the time until it is ready again. */
    Duration killAndRestart() throws IOException, InterruptedException;

    @Override
    void close() throws InterruptedException;
}
