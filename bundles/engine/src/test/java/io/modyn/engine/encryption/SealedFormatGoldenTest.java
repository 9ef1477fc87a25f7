package io.modyn.engine.encryption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Pins the sealed-value format that lands in storage: a value written by an earlier release (the
 * golden file, made from the documented layout with plain javax.crypto) must open with every later
 * one, and a change of the header or of the associated data's layout fails here first.
 */
class SealedFormatGoldenTest {

    private static final byte[] PARTITION = "pk-1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SORT = "sk-1".getBytes(StandardCharsets.UTF_8);

    @Test
    void aValueSealedInFormatOneOpensWithTheDocumentedRecordCoordinates() throws Exception {
        byte[] sealed = golden();
        assertTrue(ItemCipher.isSealed(sealed));
        assertEquals((byte) 0xA5, sealed[0]);
        assertEquals(7, ItemCipher.version(sealed));
        assertArrayEquals("a golden item".getBytes(StandardCharsets.UTF_8),
                ItemCipher.open(key(), "3f2c9a1e-table", "t.3f2c9a1e", PARTITION, SORT, sealed));
    }

    @Test
    void theGoldenValueOpensForNoOtherRecord() throws Exception {
        byte[] sealed = golden();
        assertThrows(GeneralSecurityException.class, () -> ItemCipher.open(key(), "other-table", "t.3f2c9a1e", PARTITION, SORT, sealed));
        assertThrows(GeneralSecurityException.class,
                () -> ItemCipher.open(key(), "3f2c9a1e-table", "t.3f2c9a1e", PARTITION, "sk-2".getBytes(StandardCharsets.UTF_8), sealed));
    }

    private static SecretKey key() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 0x11);
        return new SecretKeySpec(key, "AES");
    }

    private static byte[] golden() throws IOException {
        try (InputStream in = SealedFormatGoldenTest.class.getResourceAsStream("sealed-v1.hex")) {
            String hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank()).findFirst().orElseThrow();
            return HexFormat.of().parseHex(hex.trim());
        }
    }
}
