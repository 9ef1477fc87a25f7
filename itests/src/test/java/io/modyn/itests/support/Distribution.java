package io.modyn.itests.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the assembled server folder is: the {@code modyn.distribution} system property, set by the pom. */
final class Distribution {

    private Distribution() {
    }

    static Path folder() {
        Path folder = Path.of(System.getProperty("modyn.distribution", "../distribution/target/modyn"))
                .toAbsolutePath().normalize();
        Path launcher = folder.resolve("bin").resolve("modyn");
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("No assembled server at " + folder + " (" + launcher
                    + " is missing or not executable). Build it first: mvn -B install -pl distribution -am");
        }
        return folder;
    }
}
