package io.modyn.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The bundles in the assembled server's bundle/ folder, with the manifest headers the tests read. */
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
        Path bundleFolder = serverFolder().resolve("bundle");
        try (Stream<Path> files = Files.list(bundleFolder)) {
            return new AssembledBundles(files
                    .filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .map(AssembledBundles::readJar)
                    .toList());
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
