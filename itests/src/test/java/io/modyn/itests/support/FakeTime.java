package io.modyn.itests.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * A server process whose wall clock runs ahead of the tests', through libfaketime (Debian's
 * {@code faketime} package): the way to see what a server does once credentials or sessions have
 * expired without waiting for them. The monotonic clock stays real, so timeouts keep their length.
 */
public final class FakeTime {

    private static final List<Path> LIBRARIES = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"),
            Path.of("/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1"),
            Path.of("/usr/lib/faketime/libfaketime.so.1"));

    private FakeTime() {
    }

    /**
     * The environment that puts a process's clock {@code ahead} of the real one. Without libfaketime
     * the calling test is aborted (skipped loudly), and fails when the {@code CI} variable is set:
     * CI installs it.
     */
    public static Map<String, String> ahead(Duration ahead) {
        Optional<Path> library = LIBRARIES.stream().filter(Files::isReadable).findFirst();
        if (library.isEmpty()) {
            String message = "libfaketime (Debian package faketime) is not installed: the checks of expiry cannot run.";
            if (System.getenv("CI") != null) throw new AssertionError(message + " CI is set, so this is a failure.");
            System.err.println("!!!!!!!! SKIPPED: " + message + " !!!!!!!!");
            Assumptions.abort(message);
        }
        return Map.of("LD_PRELOAD", library.get().toString(),
                "FAKETIME", "+" + ahead.toSeconds() + "s",
                "FAKETIME_DONT_FAKE_MONOTONIC", "1");
    }
}
