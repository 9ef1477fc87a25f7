package io.modyn.distribution.assembly;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * {@code bin/modyn-assemble FILE --out DIR}: builds the server folder an assembly file names, from
 * the bundles of this distribution ({@code --home}) and the operator's extension jars, offline. The
 * bundles are resolved first ({@link RequirementCheck}); an assembly whose bundles do not resolve
 * is refused with each unmet requirement, so it fails here rather than when the server starts.
 * Exit status: 0 assembled, 1 the assembly cannot be built, 2 usage error.
 */
public final class Assembler {

    private Assembler() {
    }

    public static void main(String[] args) {
        Path home = null;
        Path out = null;
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> home = Path.of(value(args, ++i, "--home"));
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                default -> {
                    if (args[i].startsWith("-") || file != null) usage("unexpected argument '" + args[i] + "'");
                    file = Path.of(args[i]);
                }
            }
        }
        if (home == null || file == null || out == null) usage("an assembly FILE and --out DIR are needed");
        try {
            assemble(home.toAbsolutePath(), file.toAbsolutePath(), out.toAbsolutePath());
        } catch (AssemblyException e) {
            System.err.println("modyn-assemble: " + e.getMessage());
            System.exit(1);
        } catch (IOException e) {
            System.err.println("modyn-assemble: cannot write " + out + ": " + e);
            System.exit(1);
        }
    }

    static void assemble(Path home, Path file, Path out) throws AssemblyException, IOException {
        AssemblyFile assembly = AssemblyFile.read(file);
        BundlePool pool = BundlePool.of(home);

        List<BundleJar> shared = new ArrayList<>(pool.runtime());
        shared.add(pool.part("api").orElseThrow(() -> new AssemblyException("this distribution has no api bundle (io.modyn.api)")));
        for (AssemblyFile.Part part : assembly.parts()) {
            if (part.name().equals("api")) continue;
            Optional<BundleJar> jar = pool.part(part.name());
            if (jar.isPresent()) {
                shared.add(jar.get());
            } else if (part.optional()) {
                System.err.println("modyn-assemble: optional part '" + part.name() + "' is not in this distribution; assembled without it");
            } else {
                throw new AssemblyException(file + ": part '" + part.name() + "' (bundle " + BundlePool.symbolicNameOf(part.name())
                        + ") is not in this distribution; it has: " + String.join(", ", pool.partNames()));
            }
        }
        ExtensionJars extensions = new ExtensionJars(file.getParent(), ExtensionJars.defaultMavenRepository());
        for (String extension : assembly.extensions()) shared.add(BundleJar.read(extensions.locate(extension)));

        // Two jars of one name would overwrite each other in bundle/.
        Set<String> fileNames = new HashSet<>();
        for (BundleJar jar : shared) {
            if (!fileNames.add(jar.fileName())) {
                throw new AssemblyException(jar.path() + ": a bundle file named " + jar.fileName() + " is in the assembly already");
            }
        }

        Map<String, List<BundleJar>> storages = new LinkedHashMap<>();
        for (String backend : assembly.storages()) storages.put(backend, pool.storage(backend));

        // Each backend is installed alone (bin/modyn --storage picks one), so each is resolved alone.
        List<String> problems = new ArrayList<>();
        String systemPackagesExtra = systemPackagesExtra(home);
        for (Map.Entry<String, List<BundleJar>> storage : storages.entrySet()) {
            List<BundleJar> server = new ArrayList<>(shared);
            server.addAll(storage.getValue());
            for (String problem : RequirementCheck.check(server, systemPackagesExtra)) {
                String line = storages.size() > 1 ? "with storage " + storage.getKey() + ": " + problem : problem;
                if (!problems.contains(line)) problems.add(line);
            }
        }
        if (!problems.isEmpty()) {
            throw new AssemblyException("assembly '" + assembly.name() + "' (" + file + ") does not resolve:\n  " + String.join("\n  ", problems));
        }
        ServerFolder.write(home, out, assembly, shared, storages);
        System.err.println("modyn-assemble: assembly '" + assembly.name() + "' resolved (" + (shared.size()
                + storages.values().stream().mapToInt(List::size).sum()) + " bundles) and written to " + out);
    }

    /** The server's extra system packages, as conf/config.properties gives them to Felix. */
    private static String systemPackagesExtra(Path home) throws AssemblyException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(home.resolve("conf/config.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new AssemblyException("cannot read " + home.resolve("conf/config.properties") + ": " + e.getMessage());
        }
        return properties.getProperty("org.osgi.framework.system.packages.extra", "");
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) usage(option + " needs a value");
        return args[index];
    }

    private static void usage(String problem) {
        System.err.println("modyn-assemble: " + problem);
        System.err.println("Usage: modyn-assemble FILE --out DIR [--tarball FILE.tar.gz]");
        System.exit(2);
    }
}
