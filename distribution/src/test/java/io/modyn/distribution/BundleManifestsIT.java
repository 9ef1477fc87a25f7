package io.modyn.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.distribution.AssembledBundles.BundleJar;
import io.modyn.distribution.ManifestClauses.Clause;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Checks the architecture's one rule on the built bundles, where it matters: an implementation
 * bundle imports the api and third-party packages, never another implementation bundle's.
 */
class BundleManifestsIT {

    private final AssembledBundles bundles = AssembledBundles.read();

    @Test
    void serverHoldsTheModynBundles() {
        Set<String> names = bundles.modyn().map(BundleJar::symbolicName).collect(Collectors.toSet());
        Set<String> required = Set.of("io.modyn.api", "io.modyn.engine", "io.modyn.protocol",
                "io.modyn.storage.file", "io.modyn.storage.postgres", "io.modyn.storage.memory", "io.modyn.admin", "io.modyn.auth.iam",
                "io.modyn.kms", "io.modyn.metrics", "io.modyn.backup", "io.modyn.export");
        assertTrue(names.containsAll(required), "Modyn bundles in bundle/ and storage/: " + names);
    }

    @Test
    void everyModynJarHasAModynSymbolicName() {
        List<String> misnamed = bundles.jars().stream()
                .filter(jar -> jar.fileName().startsWith("modyn-") && !jar.isModyn())
                .map(jar -> jar.fileName() + " is " + jar.symbolicName())
                .toList();
        assertEquals(List.of(), misnamed);
    }

    @Test
    void everyApiExportHasAVersion() {
        List<String> unversioned = new ArrayList<>();
        bundles.modyn().forEach(jar -> jar.header("Export-Package").stream()
                .filter(export -> isApiPackage(export.name()))
                .filter(export -> !export.attributes().containsKey("version"))
                .forEach(export -> unversioned.add(jar.symbolicName() + " exports " + export.name())));
        assertEquals(List.of(), unversioned);
        assertTrue(bundles.modyn().anyMatch(jar -> !jar.header("Export-Package").isEmpty()),
                "No Modyn bundle exports anything: is the api bundle missing?");
    }

    @Test
    void implementationBundlesImportNoOtherImplementationPackages() {
        Map<String, String> implementationExports = new HashMap<>();
        bundles.implementations().forEach(jar -> jar.header("Export-Package")
                .forEach(export -> implementationExports.put(export.name(), jar.symbolicName())));

        List<String> violations = new ArrayList<>();
        bundles.implementations().forEach(jar -> {
            for (Clause imported : jar.header("Import-Package")) {
                String exporter = implementationExports.get(imported.name());
                if (exporter != null && !exporter.equals(jar.symbolicName())) {
                    violations.add(jar.symbolicName() + " imports " + imported.name() + " of " + exporter);
                } else if (imported.name().startsWith("io.modyn.") && !isApiPackage(imported.name())) {
                    violations.add(jar.symbolicName() + " imports " + imported.name());
                }
            }
            for (Clause required : jar.header("Require-Bundle")) {
                if (required.name().startsWith("io.modyn.") && !required.name().equals(AssembledBundles.API_BUNDLE)) {
                    violations.add(jar.symbolicName() + " requires bundle " + required.name());
                }
            }
        });
        assertEquals(List.of(), violations);
    }

    private static boolean isApiPackage(String packageName) {
        return packageName.equals("io.modyn.api") || packageName.startsWith("io.modyn.api.");
    }
}
