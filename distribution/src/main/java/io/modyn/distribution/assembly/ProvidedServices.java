package io.modyn.distribution.assembly;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service interfaces a bundle says it registers: its Declarative Services components'
 * {@code <provide interface="..."/>} ({@code OSGI-INF/*.xml}), and the {@code osgi.service}
 * capabilities of its manifest, which bundles registering services by hand (engine, storage)
 * declare in their bnd.bnd.
 */
final class ProvidedServices {

    private static final Pattern PROVIDE = Pattern.compile("<provide\\s+interface=\"([^\"]+)\"");
    private static final Pattern CAPABILITY = Pattern.compile("osgi\\.service;\\s*objectClass(?::List<String>)?=\"([^\"]+)\"");

    private ProvidedServices() {
    }

    static Set<String> of(BundleJar bundle) throws AssemblyException {
        Set<String> services = new HashSet<>();
        try (JarFile jar = new JarFile(bundle.path().toFile())) {
            String capabilities = jar.getManifest().getMainAttributes().getValue("Provide-Capability");
            if (capabilities != null) {
                Matcher capability = CAPABILITY.matcher(capabilities);
                while (capability.find()) services.addAll(List.of(capability.group(1).split("\\s*,\\s*")));
            }
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (!entry.getName().startsWith("OSGI-INF/") || !entry.getName().endsWith(".xml")) continue;
                try (InputStream in = jar.getInputStream(entry)) {
                    Matcher provide = PROVIDE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    while (provide.find()) services.add(provide.group(1));
                }
            }
        } catch (IOException e) {
            throw new AssemblyException("cannot read " + bundle.path() + ": " + e.getMessage());
        }
        return services;
    }
}
