package io.modyn.engine.index;

import io.modyn.api.storage.KeyRange;
import java.io.ByteArrayOutputStream;

/**
 * How several key values share one storage key (partition or sort bytes) and keep their order.
 *
 * <p>An index entry's sort bytes are its index sort values followed by its table key values, and a
 * multi-attribute partition is several values in a row; each value is one <em>component</em>:
 * its order-preserving {@code KeyEncoder} bytes with every 0x00 escaped as 0x00 0xFF, then the
 * terminator 0x00 0x01. Escaping makes components prefix-free, so the concatenation sorts by the
 * first value, then the second, and so on, and a value equal to a prefix of another sorts first
 * (the terminator is below any escaped byte). A condition on one component therefore becomes a
 * byte range over whole entries, whatever follows it.
 */
final class IndexKeyCodec {

    private static final byte ESCAPE = (byte) 0xFF;
    private static final byte TERMINATOR = 0x01;

    private IndexKeyCodec() {
    }

    /** The component for one encoded key value. */
    static byte[] component(byte[] encoded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length + 2);
        writeEscaped(out, encoded);
        out.write(0);
        out.write(TERMINATOR);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) out.writeBytes(part);
        return out.toByteArray();
    }

    /**
     * The range, over whole sort keys that begin with {@code prefix}, of those whose next component
     * lies in {@code valueRange} (a range over encoded values, not components).
     */
    static KeyRange componentRange(byte[] prefix, KeyRange valueRange) {
        byte[] lower;
        boolean lowerInclusive = true;
        if (valueRange.lower() == null) {
            lower = prefix.length == 0 ? null : prefix;
        } else {
            byte[] bound = concat(prefix, component(valueRange.lower()));
            // Every key whose component equals an exclusive bound starts with that component.
            lower = valueRange.lowerInclusive() ? bound : successor(bound);
        }
        byte[] upper;
        boolean upperInclusive = false;
        if (valueRange.upper() == null) {
            upper = prefix.length == 0 ? null : successor(prefix);
        } else {
            byte[] bound = concat(prefix, component(valueRange.upper()));
            upper = valueRange.upperInclusive() ? successor(bound) : bound;
        }
        if (lower == null) lowerInclusive = false;
        return new KeyRange(lower, lowerInclusive, upper, upperInclusive);
    }

    /** The smallest byte string above every string that starts with {@code prefix}, or null if none. */
    static byte[] successor(byte[] prefix) {
        return KeyRange.prefix(prefix).upper();
    }

    private static void writeEscaped(ByteArrayOutputStream out, byte[] encoded) {
        for (byte b : encoded) {
            out.write(b);
            if (b == 0) out.write(ESCAPE);
        }
    }
}
