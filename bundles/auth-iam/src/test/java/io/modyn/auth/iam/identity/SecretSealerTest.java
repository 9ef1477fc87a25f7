package io.modyn.auth.iam.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretSealerTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private final SecureRandom random = new SecureRandom();
    private final SecretSealer sealer = new SecretSealer(key((byte) 1), random);

    @TempDir
    Path directory;

    @Test
    void aSealedSecretOpensForItsUserAndKey() {
        byte[] sealed = sealer.seal(SECRET, "alice", "AKIAAAAAAAAAAAAAAAAA");
        assertEquals(SECRET, sealer.open(sealed, "alice", "AKIAAAAAAAAAAAAAAAAA"));
    }

    @Test
    void theSealedBytesDoNotContainTheSecretAndDifferEachTime() {
        byte[] first = sealer.seal(SECRET, "alice", "AKIAAAAAAAAAAAAAAAAA");
        byte[] second = sealer.seal(SECRET, "alice", "AKIAAAAAAAAAAAAAAAAA");
        assertFalse(new String(first, StandardCharsets.ISO_8859_1).contains(SECRET));
        assertFalse(new String(first, StandardCharsets.ISO_8859_1).contains(SECRET.substring(0, 8)));
        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void aTamperedCiphertextDoesNotOpen() {
        byte[] sealed = sealer.seal(SECRET, "alice", "AKIAAAAAAAAAAAAAAAAA");
        for (int position : new int[] {1, 13, sealed.length - 1}) {
            byte[] tampered = sealed.clone();
            tampered[position] ^= 0x01;
            assertThrows(IllegalStateException.class, () -> sealer.open(tampered, "alice", "AKIAAAAAAAAAAAAAAAAA"));
        }
    }

    @Test
    void aCiphertextMovedToAnotherUserOrKeyDoesNotOpen() {
        byte[] sealed = sealer.seal(SECRET, "alice", "AKIAAAAAAAAAAAAAAAAA");
        assertThrows(IllegalStateException.class, () -> sealer.open(sealed, "mallory", "AKIAAAAAAAAAAAAAAAAA"));
        assertThrows(IllegalStateException.class, () -> sealer.open(sealed, "alice", "AKIABBBBBBBBBBBBBBBB"));
    }

    @Test
    void anotherServerKeyCannotOpenAndTheErrorNamesNoSecret() {
        byte[] sealed = sealer.seal(SECRET, "alice", "AKIAAAAAAAAAAAAAAAAA");
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> new SecretSealer(key((byte) 2), random).open(sealed, "alice", "AKIAAAAAAAAAAAAAAAAA"));
        assertFalse(error.getMessage().contains(SECRET));
        assertTrue(error.getMessage().contains("AKIAAAAAAAAAAAAAAAAA"));
    }

    @Test
    void theKeyFileIsCreatedOwnerOnlyWith32BytesAndThenReused() throws Exception {
        Path file = directory.resolve("data").resolve(SecretKeyFile.FILE_NAME);
        byte[] created = SecretKeyFile.loadOrCreate(file, random).getEncoded();
        assertEquals(32, created.length);
        assertEquals(32, Files.size(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Arrays.equals(created, SecretKeyFile.loadOrCreate(file, random).getEncoded()));
        try (var listing = Files.list(file.getParent())) {
            assertEquals(1, listing.count(), "no temporary file is left behind");
        }
    }

    @Test
    void aKeyFileOfTheWrongSizeIsRefused() throws Exception {
        Path file = directory.resolve("short.key");
        Files.write(file, new byte[16]);
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> SecretKeyFile.loadOrCreate(file, random));
        assertTrue(error.getMessage().contains("32 bytes"), error.getMessage());
        assertNotEquals(null, error.getMessage());
    }

    static SecretKeySpec key(byte fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, fill);
        return new SecretKeySpec(bytes, "AES");
    }
}
