package io.modyn.kms.rootkey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.crypto.RootKeySource;
import io.modyn.kms.keys.AesGcm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in root key: a named file, else MODYN_KMS_ROOT_KEY, else the generated file. */
class RootKeySelectionTest {

    @TempDir
    Path home;

    private final byte[] material = "material".getBytes(StandardCharsets.UTF_8);
    private final byte[] context = "context".getBytes(StandardCharsets.UTF_8);
    private final String key = Base64.getEncoder().encodeToString(AesGcm.randomBytes(32));

    @Test
    void theEnvironmentKeyIsUsedWhenNoFileIsNamedAndOpensWhatTheSameKeyInAFileWrapped() throws Exception {
        Path file = Files.writeString(home.resolve("root.key"), key + "\n");

        RootKeySource fromEnvironment = RootKeySelection.choose("", home.resolve("data").toString(), env(key));
        RootKeySource fromFile = RootKeySelection.choose(file.toString(), "", env(null));

        assertEquals("environment variable MODYN_KMS_ROOT_KEY", fromEnvironment.description());
        assertArrayEquals(material, fromFile.unwrap(fromEnvironment.wrap(material, context), context));
        assertFalse(Files.exists(home.resolve("secrets")), "no key file generated when the environment holds the key");
    }

    @Test
    void aNamedFileWinsOverTheEnvironment() throws Exception {
        Path file = Files.writeString(home.resolve("root.key"), key);
        String other = Base64.getEncoder().encodeToString(AesGcm.randomBytes(32));

        RootKeySource chosen = RootKeySelection.choose(file.toString(), "", env(other));

        assertEquals("file " + file, chosen.description());
    }

    @Test
    void withoutEitherTheKeyIsGeneratedBesideTheDataDirectory() {
        RootKeySource chosen = RootKeySelection.choose("${modyn.kms.root.key.file}", home.resolve("data").toString(), env(""));

        assertEquals("file " + home.resolve("secrets/kms-root.key"), chosen.description());
        assertTrue(Files.exists(home.resolve("secrets/kms-root.key")));
    }

    @Test
    void aMalformedEnvironmentKeyIsRefusedWithoutRepeatingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        for (String value : new String[] {shortKey, "not base64 at all!"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> RootKeySelection.choose("", "", env(value)));
            assertTrue(e.getMessage().contains("MODYN_KMS_ROOT_KEY must hold the KMS root key as 32 bytes in Base64"), e.getMessage());
            assertFalse(e.getMessage().contains(value), "the message never repeats the value");
        }
    }

    private static UnaryOperator<String> env(String value) {
        return name -> name.equals("MODYN_KMS_ROOT_KEY") ? value : Map.<String, String>of().get(name);
    }
}
