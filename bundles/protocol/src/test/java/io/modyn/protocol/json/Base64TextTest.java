package io.modyn.protocol.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import org.junit.jupiter.api.Test;

class Base64TextTest {

    @Test
    void decodesCanonicalBase64() {
        assertArrayEquals(new byte[0], Base64Text.decode(""));
        assertArrayEquals("a".getBytes(), Base64Text.decode("YQ=="));
        assertArrayEquals("ab".getBytes(), Base64Text.decode("YWI="));
        assertArrayEquals(new byte[] {(byte) 0xFB, (byte) 0xFF}, Base64Text.decode("+/8="));
    }

    @Test
    void refusesPaddingBitsThatAreNotZero() {
        assertRefused("YR==", "Invalid last non-pad Base64 character dectected");
        assertRefused("YWJ=", "Invalid last non-pad Base64 character dectected");
    }

    @Test
    void refusesMisplacedPaddingAndForeignCharacters() {
        assertRefused("====", "Invalid last non-pad Base64 character dectected");
        assertRefused("Y=Q=", "Invalid last non-pad Base64 character dectected");
        assertRefused("YW!=", "Invalid Base64 character: '!'");
        assertRefused("YWI", "Base64 encoded length is expected a multiple of 4 bytes but found: 3");
    }

    private static void assertRefused(String text, String message) {
        DynamoException error = assertThrows(DynamoException.class, () -> Base64Text.decode(text));
        assertEquals(ErrorType.SERIALIZATION, error.type());
        assertEquals(message, error.getMessage());
    }
}
