package io.modyn.distribution.assembly;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds an extension named in an assembly: a jar path (relative to the assembly file's folder), or
 * Maven coordinates {@code groupId:artifactId:version} looked up in the local Maven repository
 * ({@code MODYN_MAVEN_REPO}, else {@code ~/.m2/repository}). Never the network: assembling works
 * offline, so a jar not yet downloaded is an error that says how to fetch it.
 */
final class ExtensionJars {

    private final Path assemblyFolder;
    private final Path mavenRepository;

    ExtensionJars(Path assemblyFolder, Path mavenRepository) {
        this.assemblyFolder = assemblyFolder;
        this.mavenRepository = mavenRepository;
    }

    static Path defaultMavenRepository() {
        String configured = System.getenv("MODYN_MAVEN_REPO");
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    Path locate(String extension) throws AssemblyException {
        if (!extension.endsWith(".jar") && extension.matches("[^:/\\\\]+:[^:/\\\\]+:[^:/\\\\]+")) {
            String[] coordinates = extension.split(":");
            Path jar = mavenRepository.resolve(coordinates[0].replace('.', '/')).resolve(coordinates[1]).resolve(coordinates[2])
                    .resolve(coordinates[1] + "-" + coordinates[2] + ".jar");
            if (!Files.isRegularFile(jar)) {
                throw new AssemblyException("extension " + extension + " is not in the local Maven repository (" + jar
                        + " is missing); fetch it first: mvn dependency:get -Dartifact=" + extension);
            }
            return jar;
        }
        Path jar = assemblyFolder.resolve(extension).normalize();
        if (!Files.isRegularFile(jar)) throw new AssemblyException("extension " + extension + ": " + jar + " is not a file");
        return jar;
    }
}
