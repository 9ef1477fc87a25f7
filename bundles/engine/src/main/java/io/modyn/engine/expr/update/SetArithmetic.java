package io.modyn.engine.expr.update;

import io.modyn.api.model.AttributeValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Union and difference of two sets of the same type (ADD and DELETE on sets). Members keep the
 * order they had, new ones are appended; DynamoDB does not promise any order.
 */
public final class SetArithmetic {

    private SetArithmetic() {
    }

    /** True when both values are sets of the same type. */
    public static boolean sameSetType(AttributeValue a, AttributeValue b) {
        return isSet(a) && a.typeName().equals(b.typeName());
    }

    public static boolean isSet(AttributeValue value) {
        return value instanceof AttributeValue.SS || value instanceof AttributeValue.NS || value instanceof AttributeValue.BS;
    }

    public static AttributeValue union(AttributeValue set, AttributeValue added) {
        if (set instanceof AttributeValue.SS a && added instanceof AttributeValue.SS b) {
            LinkedHashSet<String> members = new LinkedHashSet<>(a.values());
            members.addAll(b.values());
            return new AttributeValue.SS(List.copyOf(members));
        }
        if (set instanceof AttributeValue.NS a && added instanceof AttributeValue.NS b) {
            LinkedHashSet<BigDecimal> members = new LinkedHashSet<>(a.values());
            members.addAll(b.values());
            return new AttributeValue.NS(List.copyOf(members));
        }
        AttributeValue.BS a = (AttributeValue.BS) set;
        List<byte[]> members = new ArrayList<>(a.values());
        for (byte[] candidate : ((AttributeValue.BS) added).values()) {
            if (members.stream().noneMatch(m -> Arrays.equals(m, candidate))) members.add(candidate);
        }
        return new AttributeValue.BS(members);
    }

    /** The members of {@code set} not in {@code removed}, or null when none remain (no empty sets). */
    public static AttributeValue difference(AttributeValue set, AttributeValue removed) {
        if (set instanceof AttributeValue.SS a && removed instanceof AttributeValue.SS b) {
            List<String> left = a.values().stream().filter(m -> !b.values().contains(m)).toList();
            return left.isEmpty() ? null : new AttributeValue.SS(left);
        }
        if (set instanceof AttributeValue.NS a && removed instanceof AttributeValue.NS b) {
            List<BigDecimal> left = a.values().stream().filter(m -> !b.values().contains(m)).toList();
            return left.isEmpty() ? null : new AttributeValue.NS(left);
        }
        List<byte[]> gone = ((AttributeValue.BS) removed).values();
        List<byte[]> left = ((AttributeValue.BS) set).values().stream()
                .filter(m -> gone.stream().noneMatch(g -> Arrays.equals(g, m))).toList();
        return left.isEmpty() ? null : new AttributeValue.BS(left);
    }
}
