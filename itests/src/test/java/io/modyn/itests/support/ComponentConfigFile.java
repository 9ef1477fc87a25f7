package io.modyn.itests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds settings to one component's configuration file in one server's own {@code conf/} folder
 * ({@code <PID>.cfg}), which Felix FileInstall reads when the server starts. For settings
 * {@code bin/modyn} has no flag for: how often the TTL expirer runs, a memtable budget small
 * enough that a test's data is flushed to sorted tables.
 *
 * <p>Used between {@link ModynServer#stop()} and {@link ModynServer#restart()}, so the settings
 * are in force from the first request the server answers.
 */
public final class ComponentConfigFile {

    public static final String ENGINE = "io.modyn.engine";
    public static final String FILE_STORAGE = "io.modyn.storage.file";

    private ComponentConfigFile() {
    }

    public static void append(ModynServer server, String pid, Map<String, String> settings) {
        if (server.isRunning()) throw new IllegalStateException("Stop " + server + " before changing its configuration");
        Path file = server.home().resolve("conf").resolve(pid + ".cfg");
        StringBuilder lines = new StringBuilder("\n# Added by the integration tests\n");
        settings.forEach((name, value) -> lines.append(name).append('=').append(value).append('\n'));
        try {
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Settings written {@code name=value,name=value} (as in a system property); empty for a blank text. */
    public static Map<String, String> parse(String text) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (text == null || text.isBlank()) return settings;
        for (String setting : text.split(",")) {
            int equals = setting.indexOf('=');
            if (equals <= 0) throw new IllegalArgumentException("Expected name=value, not '" + setting + "' in '" + text + "'");
            settings.put(setting.substring(0, equals).trim(), setting.substring(equals + 1).trim());
        }
        return settings;
    }
}
