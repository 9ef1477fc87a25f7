package io.modyn.export.job;

import io.modyn.api.model.AttributeValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An item's size as DynamoDB bills it (attribute names and values in UTF-8, numbers by their
 * digits, 3 bytes of overhead per list or map, 1 per element): for BilledSizeBytes and
 * ProcessedSizeBytes.
 */
final class ItemSizes {

    private ItemSizes() {
    }

    static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + of(attribute.getValue());
        }
        return size;
    }

    private static long of(AttributeValue value) {
        if (value instanceof AttributeValue.S s) return utf8(s.value());
        if (value instanceof AttributeValue.N n) return number(n.value());
        if (value instanceof AttributeValue.B b) return b.value().length;
        if (value instanceof AttributeValue.L l) return 3 + l.values().stream().mapToLong(v -> 1 + of(v)).sum();
        if (value instanceof AttributeValue.M m) {
            return 3 + m.values().entrySet().stream().mapToLong(e -> 1 + utf8(e.getKey()) + of(e.getValue())).sum();
        }
        if (value instanceof AttributeValue.SS ss) return ss.values().stream().mapToLong(ItemSizes::utf8).sum();
        if (value instanceof AttributeValue.NS ns) return ns.values().stream().mapToLong(ItemSizes::number).sum();
        if (value instanceof AttributeValue.BS bs) return bs.values().stream().mapToLong(v -> v.length).sum();
        return 1;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static long number(BigDecimal value) {
        String digits = value.unscaledValue().abs().toString().replaceAll("^0+|0+$", "");
        return (digits.length() + 1) / 2 + 1;
    }
}
