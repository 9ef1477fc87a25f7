package io.modyn.distribution.assembly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The bundles a distribution already has, which assemblies are made from offline: {@code bundle/}
 * (the OSGi runtime, the api and the Modyn parts) and one folder per storage backend,
 * {@code storage/<backend>/}. Part {@code auth-iam} is the bundle {@code io.modyn.auth.iam}.
 */
final class BundlePool {

    static final String API = "io.modyn.api";

    private final Path home;
    private final List<BundleJar> shared;

    private BundlePool(Path home, List<BundleJar> shared) {
        this.home = home;
        this.shared = shared;
    }

    static BundlePool of(Path home) throws AssemblyException {
        List<BundleJar> shared = new ArrayList<>();
        for (Path jar : jarsIn(home.resolve("bundle"))) shared.add(BundleJar.read(jar));
        if (shared.isEmpty()) throw new AssemblyException(home.resolve("bundle") + " holds no bundles: is " + home + " a Modyn distribution?");
        return new BundlePool(home, shared);
    }

    static String symbolicNameOf(String part) {
        return "io.modyn." + part.replace('-', '.');
    }

    /** Felix's runtime bundles: every shared bundle that is not Modyn's. */
    List<BundleJar> runtime() {
        return shared.stream().filter(jar -> !jar.symbolicName().startsWith("io.modyn.")).toList();
    }

    Optional<BundleJar> part(String part) {
        String name = symbolicNameOf(part);
        return shared.stream().filter(jar -> jar.symbolicName().equals(name)).findFirst();
    }

    List<String> partNames() {
        return shared.stream().map(BundleJar::symbolicName).filter(name -> name.startsWith("io.modyn.") && !name.equals(API))
                .map(name -> name.substring("io.modyn.".length()).replace('.', '-')).sorted().toList();
    }

    List<BundleJar> storage(String backend) throws AssemblyException {
        Path folder = home.resolve("storage").resolve(backend);
        List<BundleJar> jars = new ArrayList<>();
        for (Path jar : jarsIn(folder)) jars.add(BundleJar.read(jar));
        if (jars.isEmpty()) {
            throw new AssemblyException("storage backend '" + backend + "' is not in this distribution (" + home.resolve("storage")
                    + " has: " + String.join(", ", storageNames()) + ")");
        }
        return jars;
    }

    List<String> storageNames() {
        try (Stream<Path> folders = Files.list(home.resolve("storage"))) {
            return folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    static List<Path> jarsIn(Path folder) throws AssemblyException {
        return filesIn(folder).stream().filter(file -> file.getFileName().toString().endsWith(".jar")).toList();
    }

    /** The regular files of a folder, sorted; none when it does not exist. */
    static List<Path> filesIn(Path folder) throws AssemblyException {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new AssemblyException("cannot list " + folder + ": " + e.getMessage());
        }
    }
}
