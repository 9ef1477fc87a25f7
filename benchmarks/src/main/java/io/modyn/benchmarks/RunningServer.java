package io.modyn.benchmarks;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An endpoint someone started by hand, named with {@code --compare NAME=URL@PID} (DynamoDB Local,
 * another emulator, a Modyn on another backend): measured over HTTP, its CPU read from
 * {@code /proc/PID}; never stopped, killed or restarted by the benchmark.
 */
final class RunningServer implements ServerUnderTest {

    private final String name;
    private final InetSocketAddress address;
    private final long pid;

    private RunningServer(String name, InetSocketAddress address, long pid) {
        this.name = name;
        this.address = address;
        this.pid = pid;
    }

    /** Parses {@code NAME=http://host:port@PID}. */
    static RunningServer parse(String specification) {
        int equals = specification.indexOf('=');
        int at = specification.lastIndexOf('@');
        if (equals <= 0 || at < equals) throw new IllegalArgumentException("--compare takes NAME=URL@PID, not " + specification);
        URI url = URI.create(specification.substring(equals + 1, at));
        if (!"http".equals(url.getScheme()) || url.getPort() < 0) {
            throw new IllegalArgumentException("--compare needs an http URL with a port, not " + url);
        }
        return new RunningServer(specification.substring(0, equals), new InetSocketAddress(url.getHost(), url.getPort()),
                Long.parseLong(specification.substring(at + 1)));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public Duration start() {
        if (ProcessStats.cpuNanos(pid) < 0) System.err.println("   cannot read /proc/" + pid + "/stat: server CPU will be n/a");
        return null;
    }

    /** Its log is not ours to read. */
    @Override
    public ServerActivity followActivity() {
        return ServerActivity.none();
    }

    @Override
    public Path dataDirectory() {
        return null;
    }

    @Override
    public boolean restartable() {
        return false;
    }

    @Override
    public Duration killAndRestart() {
        throw new UnsupportedOperationException(name + " was started by hand");
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
