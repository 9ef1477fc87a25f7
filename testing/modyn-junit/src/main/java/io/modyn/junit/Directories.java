package io.modyn.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes the temporary folders a server used, once it has stopped. */
final class Directories {

    private Directories() {
    }

    static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) return;
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless; the test's outcome must not depend on it
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
