package io.modyn.kms.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CiphertextBlobTest {

    private final String keyId = UUID.randomUUID().toString();
    private final byte[] material = AesGcm.randomBytes(32);
    private final byte[] plaintext = "attack at dawn".getBytes(StandardCharsets.UTF_8);
    private final Map<String, String> context = Map.of("table", "orders", "purpose", "test");

    @Test
    void blobNamesItsKeyAndVersionAndOpensWithTheSameContext() throws Exception {
        byte[] blob = CiphertextBlob.seal(keyId, 7, material, plaintext, context);

        assertEquals(new CiphertextBlob.Header(keyId, 7), CiphertextBlob.header(blob));
        assertEquals(CiphertextBlob.HEADER_BYTES + AesGcm.NONCE_BYTES + plaintext.length + AesGcm.TAG_BYTES, blob.length);
        assertArrayEquals(plaintext, CiphertextBlob.open(blob, material, context));
    }

    @Test
    void contextOrderDoesNotMatter() throws Exception {
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("purpose", "test");
        reversed.put("table", "orders");
        byte[] blob = CiphertextBlob.seal(keyId, 1, material, plaintext, context);

        assertArrayEquals(plaintext, CiphertextBlob.open(blob, material, reversed));
    }

    @Test
    void everyChangedByteIsDetected() {
        byte[] blob = CiphertextBlob.seal(keyId, 1, material, plaintext, context);
        for (int i = 0; i < blob.length; i++) {
            byte[] tampered = blob.clone();
            tampered[i] ^= 0x01;
            assertThrows(GeneralSecurityException.class, () -> CiphertextBlob.open(tampered, material, context), "byte " + i);
        }
    }

    @Test
    void anotherContextOrKeyDoesNotOpen() {
        byte[] blob = CiphertextBlob.seal(keyId, 1, material, plaintext, context);

        assertThrows(GeneralSecurityException.class, () -> CiphertextBlob.open(blob, material, Map.of("table", "orders")));
        assertThrows(GeneralSecurityException.class, () -> CiphertextBlob.open(blob, material, Map.of()));
        assertThrows(GeneralSecurityException.class, () -> CiphertextBlob.open(blob, AesGcm.randomBytes(32), context));
    }

    @Test
    void contextPairsCannotBeReSplit() {
        byte[] blob = CiphertextBlob.seal(keyId, 1, material, plaintext, Map.of("ab", "c"));

        assertThrows(GeneralSecurityException.class, () -> CiphertextBlob.open(blob, material, Map.of("a", "bc")));
    }

    @Test
    void bytesThatCannotBeABlobHaveNoHeader() {
        byte[] blob = CiphertextBlob.seal(keyId, 1, material, plaintext, context);
        byte[] otherFormat = blob.clone();
        otherFormat[0] = 2;

        assertNull(CiphertextBlob.header(otherFormat));
        assertNull(CiphertextBlob.header(Arrays.copyOf(blob, CiphertextBlob.MINIMUM_BYTES - 1)));
        assertNull(CiphertextBlob.header(new byte[0]));
    }
}
