package io.modyn.distribution.assembly;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service interfaces a bundle's manifest says it uses ({@code osgi.service} requirements, bnd writes one per reference). */
final class ServiceRequirements {

    private static final Pattern SERVICE = Pattern.compile("osgi\\.service;\\s*filter:=\"\\(objectClass=([^)\"]+)\\)\"");

    private ServiceRequirements() {
    }

    static Set<String> of(BundleJar bundle) {
        Set<String> services = new HashSet<>();
        try (JarFile jar = new JarFile(bundle.path().toFile())) {
            String header = jar.getManifest().getMainAttributes().getValue("Require-Capability");
            if (header == null) return services;
            Matcher service = SERVICE.matcher(header);
            while (service.find()) services.add(service.group(1));
        } catch (IOException e) {
            // Read once already by BundleJar; a jar that cannot be read again names no service.
        }
        return services;
    }
}
