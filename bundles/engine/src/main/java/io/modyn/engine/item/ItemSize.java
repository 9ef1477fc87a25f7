package io.modyn.engine.item;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An item's size as DynamoDB measures it (developer guide, "Item sizes and formats"): the sum of
 * attribute-name lengths (UTF-8) and value sizes, where a string is its UTF-8 length, a binary
 * its byte length, a number about one byte per two significant digits plus one, BOOL and NULL one
 * byte, and a list or map three bytes plus one byte per element plus its elements (with member
 * names for maps). The 400 KB item limit and capacity units are computed from this.
 */
public final class ItemSize {

    public static final int MAX_ITEM_BYTES = 400 * 1024;

    private ItemSize() {
    }

    /** The item's size, after checking it is within DynamoDB's 400 KB item limit. */
    public static long checkedSize(Map<String, AttributeValue> item) {
        long size = of(item);
        if (size > MAX_ITEM_BYTES) throw DynamoException.validation("Item size has exceeded the maximum allowed size");
        return size;
    }

    public static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += utf8Length(e.getKey()) + of(e.getValue());
        }
        return size;
    }

    public static long of(AttributeValue value) {
        if (value instanceof AttributeValue.S s) return utf8Length(s.value());
        if (value instanceof AttributeValue.N n) return numberSize(n.value());
        if (value instanceof AttributeValue.B b) return b.value().length;
        if (value instanceof AttributeValue.L l) {
            long size = 3;
            for (AttributeValue v : l.values()) size += 1 + of(v);
            return size;
        }
        if (value instanceof AttributeValue.M m) {
            long size = 3;
            for (Map.Entry<String, AttributeValue> e : m.values().entrySet()) size += 1 + utf8Length(e.getKey()) + of(e.getValue());
            return size;
        }
        if (value instanceof AttributeValue.SS ss) return ss.values().stream().mapToLong(ItemSize::utf8Length).sum();
        if (value instanceof AttributeValue.NS ns) return ns.values().stream().mapToLong(ItemSize::numberSize).sum();
        if (value instanceof AttributeValue.BS bs) return bs.values().stream().mapToLong(v -> v.length).sum();
        return 1; // BOOL and NULL
    }

    static long numberSize(BigDecimal number) {
        if (number.signum() == 0) return 1;
        BigDecimal n = number.abs().stripTrailingZeros();
        int digits = n.precision();
        return (digits + 1) / 2 + 1;
    }

    public static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) n += 1;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) { n += 4; i++; }
            else n += 3;
        }
        return n;
    }

    /** UTF-8 length of a string, exposed for key-size checks. */
    public static int utf8Bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
