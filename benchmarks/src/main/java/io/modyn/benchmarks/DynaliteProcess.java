package io.modyn.benchmarks;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/**
 * dynalite (npm, open source, Node.js on LevelDB), the built-in reference server, in memory as
 * issue 15 measured it. The run script installs it with npm into a cache directory; tables are
 * ACTIVE at once ({@code --createTableMs 0}) so that no benchmark time goes to waiting.
 */
final class DynaliteProcess extends ServerProcess {

    private final Path cli;

    DynaliteProcess(Path cli, Path workDirectory) {
        super("dynalite (in memory)", workDirectory);
        this.cli = cli;
    }

    @Override
    List<String> command() {
        return List.of("node", cli.toString(), "--port", String.valueOf(port), "--host", "127.0.0.1",
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0");
    }

    /** Any HTTP answer will do: dynalite serves as soon as it listens. */
    @Override
    boolean ready() {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/").openConnection();
            connection.setConnectTimeout(500);
            connection.getResponseCode();
            connection.disconnect();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Path dataDirectory() {
        return null;
    }

    /** In memory: a kill loses everything, so there is no recovery to time. */
    @Override
    public boolean restartable() {
        return false;
    }
}
