package io.modyn.benchmarks;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Modyn distribution started with bin/modyn as a user starts it; several distributions (today's
 * build, an older commit's from benchmarks/build-baseline) can be measured in one run. Ready is
 * {@code GET /health/ready} answering 200, which waits for storage recovery.
 */
final class ModynServerProcess extends ServerProcess {

    private final Path distribution;
    private final List<String> storageArguments;
    private final String javaOptions;
    private final boolean onFiles;

    private ModynServerProcess(String name, Path distribution, Path workDirectory, List<String> storageArguments, String javaOptions,
            boolean onFiles) {
        super(name, workDirectory);
        this.distribution = distribution;
        this.storageArguments = storageArguments;
        this.javaOptions = javaOptions;
        this.onFiles = onFiles;
    }

    static ModynServerProcess onFiles(String label, Path distribution, Path workDirectory, String javaOptions) {
        return new ModynServerProcess("Modyn " + label + " (file)", distribution, workDirectory, List.of(), javaOptions, true);
    }

    static ModynServerProcess onPostgres(String label, Path distribution, Path workDirectory, String jdbcUrl, String javaOptions) {
        return new ModynServerProcess("Modyn " + label + " (PostgreSQL)", distribution, workDirectory,
                List.of("--storage", "postgres", "--jdbc-url", jdbcUrl), javaOptions, false);
    }

    @Override
    List<String> command() {
        List<String> command = new ArrayList<>(List.of(distribution.resolve("bin/modyn").toString(),
                "--port", String.valueOf(port), "--admin-port", String.valueOf(freePort()),
                "--data-dir", workDirectory().resolve("data").toString()));
        command.addAll(storageArguments);
        return command;
    }

    @Override
    void environment(ProcessBuilder builder) {
        if (!javaOptions.isEmpty()) builder.environment().put("JAVA_OPTS", javaOptions);
    }

    @Override
    boolean ready() {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/health/ready").openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            int status = connection.getResponseCode();
            connection.disconnect();
            return status == 200;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Path dataDirectory() {
        return onFiles ? workDirectory().resolve("data") : null;
    }

    @Override
    public boolean restartable() {
        return true;
    }
}
