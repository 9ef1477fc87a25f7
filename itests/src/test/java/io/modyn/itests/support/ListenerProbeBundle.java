package io.modyn.itests.support;

import io.modyn.itests.probe.ProbeListenerActivator;
import io.modyn.itests.probe.RecordingStreamListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A third-party bundle holding a stream listener, built in memory from this module's compiled
 * {@code io.modyn.itests.probe} classes: it imports only the api packages it uses, with the
 * version ranges a bundle built against this api would declare, and tells its activator through
 * manifest headers which tables to hear and where to record them.
 */
public final class ListenerProbeBundle {

    public static final String SYMBOLIC_NAME = "io.modyn.itests.probe.listener";

    private static final List<Class<?>> CLASSES = List.of(ProbeListenerActivator.class, RecordingStreamListener.class);
    private static final String IMPORTS = String.join(",",
            "io.modyn.api.extension;version=\"[1.0,2)\"",
            "io.modyn.api.streams;version=\"[1.0,2)\"",
            "io.modyn.api.model;version=\"[1.1,2)\"",
            "org.osgi.framework;version=\"[1.8,2)\"");

    private ListenerProbeBundle() {
    }

    /** The bundle jar; {@code tables} become the listener's {@code modyn.table} property. */
    public static byte[] jar(String symbolicName, List<String> tables, Path output) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Name", "Modyn itests stream listener probe");
        main.putValue("Bundle-Activator", ProbeListenerActivator.class.getName());
        main.putValue("Import-Package", IMPORTS);
        main.putValue(ProbeListenerActivator.TABLES_HEADER, String.join(",", tables));
        main.putValue(ProbeListenerActivator.OUTPUT_HEADER, output.toAbsolutePath().toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Class<?> type : CLASSES) {
                String entry = type.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(entry));
                try (InputStream compiled = ListenerProbeBundle.class.getClassLoader().getResourceAsStream(entry)) {
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
