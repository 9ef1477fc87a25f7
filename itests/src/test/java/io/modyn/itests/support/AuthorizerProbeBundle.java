package io.modyn.itests.support;

import io.modyn.itests.probe.AuthorizerProbeActivator;
import io.modyn.itests.probe.KeyPolicyAuthorizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A third-party bundle registering an {@code Authorizer} ({@link KeyPolicyAuthorizer}), built in
 * memory from this module's compiled probe classes, importing the api packages with the ranges a
 * bundle built against this api would declare.
 */
public final class AuthorizerProbeBundle {

    public static final String SYMBOLIC_NAME = "io.modyn.itests.probe.authorizer";

    private static final List<Class<?>> CLASSES = List.of(AuthorizerProbeActivator.class, KeyPolicyAuthorizer.class);
    private static final String IMPORTS = String.join(",",
            "io.modyn.api.auth;version=\"[2.0,3)\"",
            "io.modyn.api.dynamodb;version=\"[1.4,2)\"",
            "io.modyn.api.model;version=\"[1.1,2)\"",
            "org.osgi.framework;version=\"[1.8,2)\"");

    private AuthorizerProbeBundle() {
    }

    public static byte[] jar() {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", SYMBOLIC_NAME);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Name", "Modyn itests authorizer probe");
        main.putValue("Bundle-Activator", AuthorizerProbeActivator.class.getName());
        main.putValue("Import-Package", IMPORTS);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Class<?> type : CLASSES) {
                String entry = type.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(entry));
                try (InputStream compiled = AuthorizerProbeBundle.class.getClassLoader().getResourceAsStream(entry)) {
                    compiled.transferTo(jar);
                }
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
