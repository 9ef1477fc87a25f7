package io.modyn.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The bundles of the assembled server, with the manifest headers the tests read: the shared ones in
 * bundle/ and every storage backend's in storage/<backend>/.
 */
record AssembledBundles(List<BundleJar> jars) {

    static final String API_BUNDLE = "io.modyn.api";

    record BundleJar(String fileName, String symbolicName, Attributes manifest) {

        boolean isModyn() {
            return symbolicName.startsWith("io.modyn.");
        }

        /** A Modyn bundle other than the api: it may use the api, never another implementation. */
        boolean isImplementation() {
            return isModyn() && !symbolicName.equals(API_BUNDLE);
        }

        List<ManifestClauses.Clause> header(String name) {
            return ManifestClauses.parse(manifest.getValue(name));
        }
    }

    static Path serverFolder() {
        String folder = System.getProperty("modyn.distribution");
        if (folder == null) {
            throw new IllegalStateException("System property modyn.distribution (the assembled server) is not set");
        }
        return Path.of(folder);
    }

    static AssembledBundles read() {
        Path server = serverFolder();
        List<Path> folders = new ArrayList<>(List.of(server.resolve("bundle")));
        try (Stream<Path> backends = Files.list(server.resolve("storage"))) {
            backends.filter(Files::isDirectory).sorted().forEach(folders::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AssembledBundles(folders.stream().flatMap(AssembledBundles::jarsIn).map(AssembledBundles::readJar).toList());
    }

    private static Stream<Path> jarsIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BundleJar readJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes manifest = file.getManifest().getMainAttributes();
            String symbolicName = manifest.getValue("Bundle-SymbolicName");
            // The symbolic name may carry directives (;singleton:=true).
            String name = symbolicName == null ? "" : ManifestClauses.parse(symbolicName).get(0).name();
            return new BundleJar(jar.getFileName().toString(), name, manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }

    Stream<BundleJar> modyn() {
        return jars.stream().filter(BundleJar::isModyn);
    }

    Stream<BundleJar> implementations() {
        return jars.stream().filter(BundleJar::isImplementation);
    }
}
