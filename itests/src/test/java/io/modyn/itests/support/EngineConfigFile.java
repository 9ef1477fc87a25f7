package io.modyn.itests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Adds settings to the engine configuration (PID {@code io.modyn.engine}) of one server: its own
 * copy of {@code conf/io.modyn.engine.cfg}, which Felix FileInstall reads when the server starts.
 * For settings {@code bin/modyn} has no flag for, such as how often the TTL expirer runs.
 *
 * <p>Used between {@link ModynServer#stop()} and {@link ModynServer#restart()}, so the setting is
 * in force from the first request the server answers.
 */
public final class EngineConfigFile {

    private EngineConfigFile() {
    }

    public static void append(ModynServer server, Map<String, String> settings) {
        if (server.isRunning()) throw new IllegalStateException("Stop " + server + " before changing its configuration");
        Path file = server.home().resolve("conf").resolve("io.modyn.engine.cfg");
        StringBuilder lines = new StringBuilder("\n# Added by the integration tests\n");
        settings.forEach((name, value) -> lines.append(name).append('=').append(value).append('\n'));
        try {
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
