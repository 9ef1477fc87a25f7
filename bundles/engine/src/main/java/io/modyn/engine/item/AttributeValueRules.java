package io.modyn.engine.item;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB's rules for attribute values that the wire format cannot express: number range and
 * precision, non-empty sets without duplicates, and nesting depth. Applied to every value a
 * request stores or compares.
 */
public final class AttributeValueRules {

    /** DynamoDB accepts documents nested up to 32 levels. */
    public static final int MAX_DEPTH = 32;

    /** The longest attribute name, in UTF-8 bytes: DynamoDB's "64 KB" less one. */
    public static final int MAX_NAME_BYTES = 65535;

    private static final int MAX_PRECISION = 38;
    private static final int MAX_EXPONENT = 125;
    private static final int MIN_EXPONENT = -130;

    private AttributeValueRules() {
    }

    public static void checkItem(Map<String, AttributeValue> item) {
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            checkName(attribute.getKey());
            check(attribute.getValue(), 1);
            checkNestedNames(attribute.getValue(), 1);
        }
    }

    /**
     * An attribute name, at the top of an item or as a key of a map in it, takes at most 65535
     * bytes; DynamoDB says so in its framework's envelope, wherever the name came from (an item,
     * an expression attribute name, a map value of an update), measured in September 2026.
     */
    private static void checkName(String name) {
        if (name.length() > MAX_NAME_BYTES / 3 && ItemSize.utf8Length(name) > MAX_NAME_BYTES) {
            throw DynamoException.validation("1 validation error detected: Attribute name is too large, must be less than "
                    + (MAX_NAME_BYTES + 1) + " bytes");
        }
    }

    private static void checkNestedNames(AttributeValue value, int depth) {
        if (depth > MAX_DEPTH) return; // refused by check() already
        if (value instanceof AttributeValue.M m) {
            for (Map.Entry<String, AttributeValue> e : m.values().entrySet()) {
                checkName(e.getKey());
                checkNestedNames(e.getValue(), depth + 1);
            }
        } else if (value instanceof AttributeValue.L l) {
            for (AttributeValue v : l.values()) checkNestedNames(v, depth + 1);
        }
    }

    public static void check(AttributeValue value) {
        check(value, 1);
    }

    private static void check(AttributeValue value, int depth) {
        if (depth > MAX_DEPTH) throw DynamoException.validation("Nesting Levels have exceeded supported limits");
        if (value instanceof AttributeValue.N n) {
            checkNumber(n.value());
        } else if (value instanceof AttributeValue.L l) {
            for (AttributeValue v : l.values()) check(v, depth + 1);
        } else if (value instanceof AttributeValue.M m) {
            for (AttributeValue v : m.values().values()) check(v, depth + 1);
        } else if (value instanceof AttributeValue.SS ss) {
            if (ss.values().isEmpty()) throw invalid("An string set  may not be empty");
            if (new HashSet<>(ss.values()).size() != ss.values().size()) {
                throw invalid("Input collection " + render(ss.values()) + " contains duplicates.");
            }
        } else if (value instanceof AttributeValue.NS ns) {
            if (ns.values().isEmpty()) throw invalid("An number set  may not be empty");
            for (BigDecimal v : ns.values()) checkNumber(v);
            if (new HashSet<>(ns.values()).size() != ns.values().size()) {
                throw DynamoException.validation("Input collection contains duplicates");
            }
        } else if (value instanceof AttributeValue.BS bs) {
            if (bs.values().isEmpty()) throw invalid("Binary sets should not be empty");
            Set<AttributeValue.B> seen = new HashSet<>();
            for (byte[] v : bs.values()) {
                if (!seen.add(new AttributeValue.B(v))) {
                    throw invalid("Input collection " + bs.values().stream()
                            .map(b -> Base64.getEncoder().encodeToString(b)).toList() + "of type BS contains duplicates.");
                }
            }
        }
    }

    // DynamoDB's empty-set messages really read "An string set  may not be empty" (sic, two spaces).

    /** DynamoDB's number limits: 38 significant digits, magnitudes from 1E-130 to below 1E+126. */
    public static void checkNumber(BigDecimal n) {
        if (n.signum() == 0) return;
        BigDecimal v = n.stripTrailingZeros();
        int exponent = v.precision() - v.scale() - 1;
        if (exponent > MAX_EXPONENT) {
            throw DynamoException.validation("Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (exponent < MIN_EXPONENT) {
            throw DynamoException.validation("Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        if (v.precision() > MAX_PRECISION) {
            throw DynamoException.validation("Attempting to store more than 38 significant digits in a Number");
        }
    }

    private static DynamoException invalid(String detail) {
        return DynamoException.validation("One or more parameter values were invalid: " + detail);
    }

    private static String render(List<String> values) {
        return "[" + String.join(", ", values) + "]";
    }
}
