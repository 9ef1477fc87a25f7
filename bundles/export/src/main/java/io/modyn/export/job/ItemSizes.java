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
        return switch (value) {
            case AttributeValue.S s -> utf8(s.value());
            case AttributeValue.N n -> number(n.value());
            case AttributeValue.B b -> b.value().length;
            case AttributeValue.Bool ignored -> 1;
            case AttributeValue.Null ignored -> 1;
            case AttributeValue.L l -> 3 + l.values().stream().mapToLong(v -> 1 + of(v)).sum();
            case AttributeValue.M m -> 3 + m.values().entrySet().stream().mapToLong(e -> 1 + utf8(e.getKey()) + of(e.getValue())).sum();
            case AttributeValue.SS ss -> ss.values().stream().mapToLong(ItemSizes::utf8).sum();
            case AttributeValue.NS ns -> ns.values().stream().mapToLong(ItemSizes::number).sum();
            case AttributeValue.BS bs -> bs.values().stream().mapToLong(v -> v.length).sum();
        };
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static long number(BigDecimal value) {
        String digits = value.unscaledValue().abs().toString().replaceAll("^0+|0+$", "");
        return (digits.length() + 1) / 2 + 1;
    }
}
