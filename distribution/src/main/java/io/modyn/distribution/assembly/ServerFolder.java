package io.modyn.distribution.assembly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes an assembled server folder: the distribution's {@code bin/}, {@code assemblies/},
 * {@code systemd/} and {@code conf/} (without
 * the configuration of parts left out), the chosen bundles in {@code bundle/} and
 * {@code storage/<backend>/}, empty {@code deploy/}, {@code extensions/} and {@code data/}, and
 * {@code conf/assembly.env}: the assembly's defaults for {@code bin/modyn}, which also makes the
 * first storage backend the default one.
 */
final class ServerFolder {

    static final String DEFAULTS_FILE = "assembly.env";
    private static final Set<String> MADE_HERE = Set.of("bundle", "storage", "conf", "deploy", "extensions", "data");

    private ServerFolder() {
    }

    static void write(Path home, Path out, AssemblyFile assembly, List<BundleJar> shared, Map<String, List<BundleJar>> storages)
            throws AssemblyException, IOException {
        if (Files.exists(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) throw new AssemblyException(out + " exists and is not empty: give a new folder");
            }
        }
        Files.createDirectories(out);
        // bin/, assemblies/, systemd/...: everything but the bundles, the configuration and the data.
        try (Stream<Path> entries = Files.list(home)) {
            for (Path entry : entries.sorted().toList()) {
                if (!MADE_HERE.contains(entry.getFileName().toString())) copyTree(entry, out.resolve(entry.getFileName().toString()));
            }
        }
        Set<String> names = new HashSet<>();
        shared.forEach(jar -> names.add(jar.symbolicName()));
        storages.values().forEach(jars -> jars.forEach(jar -> names.add(jar.symbolicName())));
        Files.createDirectories(out.resolve("conf"));
        for (Path file : BundlePool.filesIn(home.resolve("conf"))) {
            String fileName = file.getFileName().toString();
            // io.modyn.<part>.cfg configures that part: left out with it.
            if (fileName.startsWith("io.modyn.") && fileName.endsWith(".cfg")
                    && !names.contains(fileName.substring(0, fileName.length() - ".cfg".length()))) continue;
            if (fileName.equals(DEFAULTS_FILE)) continue;
            Files.copy(file, out.resolve("conf").resolve(fileName), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Files.createDirectories(out.resolve("bundle"));
        for (BundleJar jar : shared) Files.copy(jar.path(), out.resolve("bundle").resolve(jar.fileName()));
        for (Map.Entry<String, List<BundleJar>> storage : storages.entrySet()) {
            Path folder = Files.createDirectories(out.resolve("storage").resolve(storage.getKey()));
            for (BundleJar jar : storage.getValue()) Files.copy(jar.path(), folder.resolve(jar.fileName()));
        }
        for (String empty : List.of("deploy", "extensions", "data")) Files.createDirectories(out.resolve(empty));
        Files.writeString(out.resolve("conf").resolve(DEFAULTS_FILE), defaults(assembly));
    }

    /** NAME=value lines; bin/modyn reads them for variables the environment does not set. */
    private static String defaults(AssemblyFile assembly) {
        Map<String, String> values = new TreeMap<>(assembly.defaults());
        values.putIfAbsent("MODYN_STORAGE", assembly.storages().get(0));
        StringBuilder text = new StringBuilder("# Defaults of assembly '" + assembly.name() + "' for bin/modyn (the environment and flags win).\n");
        values.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        return text.toString();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) Files.createDirectories(target);
                else Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
