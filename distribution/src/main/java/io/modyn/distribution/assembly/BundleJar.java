package io.modyn.distribution.assembly;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/** A bundle file and the symbolic name its manifest gives it (without directives). */
record BundleJar(Path path, String symbolicName) {

    static BundleJar read(Path jar) throws AssemblyException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes manifest = file.getManifest() == null ? null : file.getManifest().getMainAttributes();
            String name = manifest == null ? null : manifest.getValue("Bundle-SymbolicName");
            if (name == null) throw new AssemblyException(jar + " is no OSGi bundle (its manifest has no Bundle-SymbolicName)");
            int directives = name.indexOf(';');
            return new BundleJar(jar, (directives < 0 ? name : name.substring(0, directives)).trim());
        } catch (IOException e) {
            throw new AssemblyException("cannot read " + jar + " as a jar: " + e.getMessage());
        }
    }

    String fileName() {
        return path.getFileName().toString();
    }
}
