package io.modyn.engine.item;

import io.modyn.api.model.AttributeValue;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Encodes key attribute values to bytes whose unsigned order is DynamoDB's order for the type.
 *
 * <p>Within one keyspace a key attribute has one declared type, so no type tag is needed:
 * strings are their UTF-8 bytes (DynamoDB orders strings by UTF-8 bytes), binaries are themselves.
 * Numbers use a sign/exponent/digits encoding:
 * <pre>
 *   zero:      0x02
 *   positive:  0x03, exponent + 0x8000 (2 bytes, big-endian), digits as 1..10, terminator 0x00
 *   negative:  0x01, ~(exponent + 0x8000) (2 bytes),          digits as 10-d (1..10), terminator 0x0B
 * </pre>
 * where the exponent is the power of ten of the most significant digit. Numbers are normalised
 * (no trailing zeros), so a shorter digit string is a smaller magnitude: the terminators make it
 * sort before a longer one for positives and after it for negatives.
 */
public final class KeyEncoder {

    private static final byte NEGATIVE = 0x01;
    private static final byte ZERO = 0x02;
    private static final byte POSITIVE = 0x03;

    private KeyEncoder() {
    }

    public static byte[] encode(AttributeValue value) {
        if (value instanceof AttributeValue.S s) return s.value().getBytes(StandardCharsets.UTF_8);
        if (value instanceof AttributeValue.B b) return b.value();
        if (value instanceof AttributeValue.N n) return encodeNumber(n.value());
        throw new IllegalArgumentException("not a key type: " + value.typeName());
    }

    static byte[] encodeNumber(BigDecimal number) {
        if (number.signum() == 0) return new byte[] {ZERO};
        BigDecimal magnitude = number.abs().stripTrailingZeros();
        String digits = magnitude.unscaledValue().toString();
        int exponent = digits.length() - 1 - magnitude.scale();
        boolean negative = number.signum() < 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream(4 + digits.length());
        out.write(negative ? NEGATIVE : POSITIVE);
        int biased = exponent + 0x8000;
        if (negative) biased = ~biased;
        out.write((biased >>> 8) & 0xff);
        out.write(biased & 0xff);
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            out.write(negative ? 10 - d : d + 1);
        }
        out.write(negative ? 0x0B : 0x00);
        return out.toByteArray();
    }
}
