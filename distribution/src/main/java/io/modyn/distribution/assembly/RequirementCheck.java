package io.modyn.distribution.assembly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Resolves an assembly's bundles when it is built, not when the server starts: the bundles are
 * installed into the same Felix framework the server runs (initialised, never started, with the
 * server's system packages), and Felix's resolver resolves them. A bundle left unresolved is
 * reported with each mandatory requirement (Import-Package, Require-Capability, Require-Bundle)
 * that no assembled bundle nor the framework satisfies.
 *
 * <p>The Modyn bundles' service references are all optional (a server without storage answers
 * 503 until one is bound, by design), so no resolver sees that an assembly lacks the engine. The
 * services in {@link #ESSENTIAL} are therefore required here: some bundle's Declarative Services
 * component must provide them, or the bundle referring to them is reported.
 */
final class RequirementCheck {

    /** Services a server cannot serve a request without, and which part provides each. */
    static final Map<String, String> ESSENTIAL = Map.of(
            "io.modyn.api.dynamodb.DynamoDbService", "part 'engine'",
            "io.modyn.api.storage.StorageEngine", "a storage backend ('storage = file', 'postgres' or 'memory')");

    private static final String SERVICE_NAMESPACE = "osgi.service";

    private RequirementCheck() {
    }

    /** The problems found, one line each; empty when every bundle resolves. */
    static List<String> check(List<BundleJar> bundles, String systemPackagesExtra) throws AssemblyException {
        Path cache;
        try {
            cache = Files.createTempDirectory("modyn-assemble-");
        } catch (IOException e) {
            throw new AssemblyException("cannot create a temporary folder: " + e.getMessage());
        }
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("felix.log.level", "0");
        if (!systemPackagesExtra.isBlank()) config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, systemPackagesExtra);
        Framework framework = new FrameworkFactory().newFramework(config);
        try {
            framework.init();
            Map<Bundle, BundleJar> installed = new HashMap<>();
            for (BundleJar jar : bundles) {
                try {
                    installed.put(framework.getBundleContext().installBundle(jar.path().toUri().toString()), jar);
                } catch (BundleException e) {
                    throw new AssemblyException("bundle " + jar.symbolicName() + " (" + jar.fileName() + ") cannot be installed: " + e.getMessage());
                }
            }
            framework.adapt(FrameworkWiring.class).resolveBundles(null);
            List<BundleRevision> everyRevision = new ArrayList<>();
            everyRevision.add(framework.adapt(BundleRevision.class));
            installed.keySet().forEach(bundle -> everyRevision.add(bundle.adapt(BundleRevision.class)));

            List<String> problems = new ArrayList<>();
            installed.keySet().stream().sorted(Comparator.comparing(Bundle::getSymbolicName)).forEach(bundle -> {
                if (bundle.getState() != Bundle.INSTALLED) return;
                BundleJar jar = installed.get(bundle);
                List<String> missing = missingRequirements(bundle.adapt(BundleRevision.class), everyRevision);
                String name = "bundle " + jar.symbolicName() + " (" + jar.fileName() + ")";
                if (missing.isEmpty()) {
                    problems.add(name + " does not resolve: a bundle it needs does not resolve, or its uses constraints conflict");
                }
                missing.forEach(requirement -> problems.add(name + " requires " + requirement + ", which no bundle of the assembly provides"));
            });
            problems.addAll(missingEssentialServices(bundles));
            return problems;
        } catch (BundleException e) {
            throw new AssemblyException("cannot start the OSGi framework to resolve the bundles: " + e.getMessage());
        } finally {
            try {
                framework.stop();
                framework.waitForStop(10_000);
            } catch (BundleException | InterruptedException e) {
                // Only the temporary cache is left behind; it is deleted next.
            }
            deleteQuietly(cache);
        }
    }

    private static List<String> missingRequirements(BundleRevision revision, List<BundleRevision> everyRevision) {
        List<String> missing = new ArrayList<>();
        for (BundleRequirement requirement : revision.getDeclaredRequirements(null)) {
            Map<String, String> directives = requirement.getDirectives();
            if (Constants.RESOLUTION_OPTIONAL.equals(directives.get(Constants.RESOLUTION_DIRECTIVE))) continue;
            String effective = directives.getOrDefault(Constants.EFFECTIVE_DIRECTIVE, Constants.EFFECTIVE_RESOLVE);
            if (!Constants.EFFECTIVE_RESOLVE.equals(effective)) continue;
            if (!satisfied(requirement, everyRevision)) {
                missing.add(requirement.getNamespace() + " " + directives.getOrDefault(Constants.FILTER_DIRECTIVE, ""));
            }
        }
        return missing;
    }

    private static boolean satisfied(BundleRequirement requirement, List<BundleRevision> everyRevision) {
        String filterText = requirement.getDirectives().get(Constants.FILTER_DIRECTIVE);
        Filter filter;
        try {
            filter = filterText == null ? null : FrameworkUtil.createFilter(filterText);
        } catch (InvalidSyntaxException e) {
            return false;
        }
        for (BundleRevision candidate : everyRevision) {
            if (candidate == requirement.getRevision()) continue;
            for (BundleCapability capability : candidate.getDeclaredCapabilities(requirement.getNamespace())) {
                if (filter == null || filter.matches(capability.getAttributes())) return true;
            }
        }
        return false;
    }

    private static List<String> missingEssentialServices(List<BundleJar> bundles) throws AssemblyException {
        Set<String> provided = new HashSet<>();
        for (BundleJar bundle : bundles) provided.addAll(ProvidedServices.of(bundle));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> essential : ESSENTIAL.entrySet()) {
            if (provided.contains(essential.getKey())) continue;
            String requirement = SERVICE_NAMESPACE + " (objectClass=" + essential.getKey() + ")";
            List<String> wanting = bundles.stream().filter(bundle -> ServiceRequirements.of(bundle).contains(essential.getKey()))
                    .map(bundle -> "bundle " + bundle.symbolicName() + " (" + bundle.fileName() + ")").toList();
            for (String who : wanting.isEmpty() ? List.of("the server") : wanting) {
                problems.add(who + " requires " + requirement + ", which no bundle of the assembly provides (" + essential.getValue() + " provides it)");
            }
        }
        problems.sort(null);
        return problems;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // A temporary folder; the OS cleans it eventually.
        }
    }
}
