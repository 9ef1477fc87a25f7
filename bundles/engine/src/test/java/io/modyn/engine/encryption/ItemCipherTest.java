package io.modyn.engine.encryption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.model.AttributeValue;
import io.modyn.engine.item.ItemCodec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ItemCipherTest {

    private static final String TABLE = "3f1c2a9e-0000-4000-8000-000000000001";
    private static final String KEYSPACE = "table." + TABLE;
    private static final byte[] PARTITION = bytes("pk-1");
    private static final byte[] SORT = bytes("sk-1");

    private final SecretKey key = randomKey();
    private final byte[] plain = ItemCodec.encode(Map.of("id", AttributeValue.s("pk-1"), "secret", AttributeValue.s("plaintext-marker")));

    @Test
    void aSealedValueOpensForItsOwnRecordAndHidesThePlaintext() throws GeneralSecurityException {
        byte[] sealed = ItemCipher.seal(key, 3, TABLE, KEYSPACE, PARTITION, SORT, plain);
        assertTrue(ItemCipher.isSealed(sealed));
        assertEquals(3, ItemCipher.version(sealed));
        assertEquals(plain.length + ItemCipher.OVERHEAD, sealed.length);
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("plaintext-marker"));
        assertArrayEquals(plain, ItemCipher.open(key, TABLE, KEYSPACE, PARTITION, SORT, sealed));
    }

    @Test
    void plainCodecValuesAreNotTakenForSealedOnes() {
        assertFalse(ItemCipher.isSealed(plain), "the item codec starts with its version byte 1");
        assertFalse(ItemCipher.isSealed(null));
    }

    @Test
    void aValueMovedToAnotherItemIndexOrTableDoesNotOpen() {
        byte[] sealed = ItemCipher.seal(key, 1, TABLE, KEYSPACE, PARTITION, SORT, plain);
        assertThrows(GeneralSecurityException.class, () -> ItemCipher.open(key, TABLE, KEYSPACE, bytes("pk-2"), SORT, sealed));
        assertThrows(GeneralSecurityException.class, () -> ItemCipher.open(key, TABLE, KEYSPACE, PARTITION, bytes("sk-2"), sealed));
        assertThrows(GeneralSecurityException.class, () -> ItemCipher.open(key, TABLE, "index.other", PARTITION, SORT, sealed));
        assertThrows(GeneralSecurityException.class, () -> ItemCipher.open(key, "another-table", KEYSPACE, PARTITION, SORT, sealed));
    }

    @Test
    void anyAlteredByteIsDetected() {
        byte[] sealed = ItemCipher.seal(key, 1, TABLE, KEYSPACE, PARTITION, SORT, plain);
        for (int i = 1; i < sealed.length; i++) {
            byte[] altered = sealed.clone();
            altered[i] ^= 0x01;
            int at = i;
            assertThrows(GeneralSecurityException.class, () -> ItemCipher.open(key, TABLE, KEYSPACE, PARTITION, SORT, altered),
                    "byte " + at + " altered");
        }
    }

    @Test
    void theVersionInTheHeaderIsBoundToo() {
        byte[] sealed = ItemCipher.seal(key, 1, TABLE, KEYSPACE, PARTITION, SORT, plain);
        sealed[4] = 2;
        assertEquals(2, ItemCipher.version(sealed));
        assertThrows(GeneralSecurityException.class, () -> ItemCipher.open(key, TABLE, KEYSPACE, PARTITION, SORT, sealed));
    }

    @Test
    void anotherDataKeyDoesNotOpenIt() {
        byte[] sealed = ItemCipher.seal(key, 1, TABLE, KEYSPACE, PARTITION, SORT, plain);
        assertThrows(GeneralSecurityException.class, () -> ItemCipher.open(randomKey(), TABLE, KEYSPACE, PARTITION, SORT, sealed));
    }

    private static SecretKey randomKey() {
        byte[] material = new byte[32];
        new SecureRandom().nextBytes(material);
        return new SecretKeySpec(material, "AES");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
