package io.modyn.distribution.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembly file format: what each key means, and the line an operator's mistake is on. */
class AssemblyFileTest {

    @TempDir
    Path folder;

    @Test
    void readsPartsBackendsExtensionsAndDefaults() throws Exception {
        AssemblyFile assembly = read("# a comment", "name = audited", "parts = protocol engine, kms metrics?   # trailing comment",
                "storage = file postgres", "extension = lib/a#1.jar", "extension = com.example:audit:1.0", "default MODYN_AUTH = iam");
        assertEquals("audited", assembly.name());
        assertEquals(List.of(new AssemblyFile.Part("protocol", false), new AssemblyFile.Part("engine", false),
                new AssemblyFile.Part("kms", false), new AssemblyFile.Part("metrics", true)), assembly.parts());
        assertEquals(List.of("file", "postgres"), assembly.storages());
        assertEquals(List.of("lib/a#1.jar", "com.example:audit:1.0"), assembly.extensions());
        assertEquals(Map.of("MODYN_AUTH", "iam"), assembly.defaults());
    }

    @Test
    void anUnknownKeyIsReportedWithItsLine() throws Exception {
        AssemblyException error = assertThrows(AssemblyException.class, () -> read("name = x", "storage = file", "bundles = engine"));
        assertTrue(error.getMessage().contains("x.assembly:3: unknown key 'bundles'"), error.getMessage());
    }

    @Test
    void aServerWithoutStorageIsRefused() throws Exception {
        AssemblyException error = assertThrows(AssemblyException.class, () -> read("name = x", "parts = engine"));
        assertTrue(error.getMessage().contains("no 'storage = ...' line"), error.getMessage());
    }

    @Test
    void defaultsAreForModynVariablesOnly() throws Exception {
        AssemblyException error = assertThrows(AssemblyException.class, () -> read("name = x", "storage = file", "default PATH = /tmp"));
        assertTrue(error.getMessage().contains("a default is for a MODYN_* variable, not 'PATH'"), error.getMessage());
    }

    private AssemblyFile read(String... lines) throws Exception {
        return AssemblyFile.read(Files.write(folder.resolve("x.assembly"), List.of(lines)));
    }
}
