package io.modyn.kms.rootkey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRootKeySourceTest {

    @TempDir
    Path home;

    private final byte[] material = "material of a key version, 32 b".getBytes(StandardCharsets.UTF_8);
    private final byte[] context = "key 1 version 1".getBytes(StandardCharsets.UTF_8);

    @Test
    void generatedBesideTheDataDirectoryOwnerOnlyAndReadBackTheSame() throws Exception {
        Path data = Files.createDirectories(home.resolve("data"));

        FileRootKeySource first = FileRootKeySource.besideDataDirectory(data);
        Path file = home.resolve("secrets/kms-root.key");

        assertEquals(file, first.file());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals(32, Base64.getDecoder().decode(Files.readString(file).trim()).length);
        try (var inData = Files.walk(data)) {
            assertEquals(1, inData.count(), "nothing written inside the data directory");
        }
        try (var inSecrets = Files.list(file.getParent())) {
            assertEquals(1, inSecrets.count(), "no temporary file left behind");
        }

        byte[] wrapped = first.wrap(material, context);
        FileRootKeySource again = FileRootKeySource.besideDataDirectory(data);
        assertArrayEquals(material, again.unwrap(wrapped, context));
        assertFalse(first.description().contains(Files.readString(file).trim()), "the description names the file, not the key");
    }

    @Test
    void wrappedMaterialOpensOnlyWithTheSameKeyAndContext() throws Exception {
        FileRootKeySource source = FileRootKeySource.readOrGenerate(home.resolve("a/kms-root.key"));
        FileRootKeySource other = FileRootKeySource.readOrGenerate(home.resolve("b/kms-root.key"));
        byte[] wrapped = source.wrap(material, context);

        assertThrows(GeneralSecurityException.class, () -> other.unwrap(wrapped, context));
        assertThrows(GeneralSecurityException.class, () -> source.unwrap(wrapped, "key 1 version 2".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aNamedFileMustExistAndHoldAKey() throws Exception {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> FileRootKeySource.read(home.resolve("absent.key")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        assertFalse(Files.exists(home.resolve("absent.key")), "a named file is never generated");

        Path shortKey = Files.writeString(home.resolve("short.key"), Base64.getEncoder().encodeToString(new byte[16]));
        assertThrows(IllegalStateException.class, () -> FileRootKeySource.read(shortKey));
        Path notBase64 = Files.writeString(home.resolve("text.key"), "not a key at all");
        assertThrows(IllegalStateException.class, () -> FileRootKeySource.read(notBase64));
    }

    @Test
    void anExistingFileIsNeverReplaced() throws Exception {
        Path file = home.resolve("secrets/kms-root.key");
        Files.createDirectories(file.getParent());
        String key = Base64.getEncoder().encodeToString(new byte[32]) + "\n";
        Files.writeString(file, key);

        FileRootKeySource.readOrGenerate(file);

        assertEquals(key, Files.readString(file));
    }
}
