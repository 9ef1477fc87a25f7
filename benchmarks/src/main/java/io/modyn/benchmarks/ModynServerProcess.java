package io.modyn.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The assembled Modyn server, started with bin/modyn as a user starts it. */
final class ModynServerProcess extends ServerProcess {

    private final Path distribution;
    private final List<String> storageArguments;

    private ModynServerProcess(String name, Path distribution, List<String> storageArguments) {
        super(name);
        this.distribution = distribution;
        this.storageArguments = storageArguments;
    }

    static ModynServerProcess onFiles(Path distribution) {
        return new ModynServerProcess("Modyn (file storage)", distribution, List.of());
    }

    static ModynServerProcess onPostgres(Path distribution, String jdbcUrl) {
        return new ModynServerProcess("Modyn (PostgreSQL)", distribution, List.of("--storage", "postgres", "--jdbc-url", jdbcUrl));
    }

    @Override
    List<String> command(Path workDirectory) {
        List<String> command = new ArrayList<>(List.of(distribution.resolve("bin/modyn").toString(),
                "--port", String.valueOf(port), "--admin-port", String.valueOf(freePort()), "--data-dir", workDirectory.resolve("data").toString()));
        command.addAll(storageArguments);
        return command;
    }
}
