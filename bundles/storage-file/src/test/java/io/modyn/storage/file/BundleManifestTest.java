package io.modyn.storage.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/**
 * The manifest bnd generates: the embedded LZ4 codec stays private and adds no import the
 * framework would have to satisfy, so the bundle still resolves with the API bundle alone.
 */
class BundleManifestTest {

    private static Manifest manifest() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("target/classes/META-INF/MANIFEST.MF"))) {
            return new Manifest(in);
        }
    }

    /** The clauses of a header, split at the commas outside quotes. */
    private static List<String> clauses(String header) {
        List<String> clauses = new ArrayList<>();
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') quoted = !quoted;
            if (c == ',' && !quoted) {
                clauses.add(clause.toString());
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        clauses.add(clause.toString());
        return clauses;
    }

    @Test
    void importsOnlyTheApiAndTheFrameworkAndEmbedsLz4Privately() throws IOException {
        var attributes = manifest().getMainAttributes();
        List<String> unexpected = new ArrayList<>();
        for (String imported : clauses(attributes.getValue("Import-Package"))) {
            String name = imported.split(";")[0];
            boolean allowed = name.startsWith("io.modyn.api.") || name.startsWith("org.osgi.")
                    || (name.equals("sun.misc") && imported.contains("resolution:=optional"));
            if (!allowed) unexpected.add(imported);
        }
        assertEquals(List.of(), unexpected);
        assertTrue(clauses(attributes.getValue("Private-Package")).contains("net.jpountz.lz4"), attributes.getValue("Private-Package"));
        assertNull(attributes.getValue("Export-Package"));
        assertTrue(Files.isRegularFile(Path.of("target/classes/net/jpountz/lz4/LZ4JavaSafeCompressor.class")),
                "the safe codec, loaded by name by LZ4Factory, is embedded");
    }
}
