package io.modyn.engine.expr.eval;

import io.modyn.api.model.AttributeValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's comparison rules for attribute values (developer guide, "Comparison operator and
 * function reference"):
 * <ul>
 *   <li>equality holds for every type, but only between values of the same type; sets are equal
 *       when they have the same members in any order, lists and maps compare deeply;</li>
 *   <li>ordering exists only for strings (by UTF-8 bytes, that is by code point), numbers and
 *       binaries (unsigned bytes), and only between values of the same type;</li>
 *   <li>a missing value (null) is equal to nothing and ordered against nothing.</li>
 * </ul>
 */
public final class Values {

    private Values() {
    }

    public static boolean equal(AttributeValue a, AttributeValue b) {
        if (a == null || b == null || !a.typeName().equals(b.typeName())) return false;
        if (a instanceof AttributeValue.SS x && b instanceof AttributeValue.SS y) return sameMembers(x.values(), y.values());
        if (a instanceof AttributeValue.NS x && b instanceof AttributeValue.NS y) return sameMembers(x.values(), y.values());
        if (a instanceof AttributeValue.BS x && b instanceof AttributeValue.BS y) {
            return sameMembers(x.values().stream().map(AttributeValue.B::new).toList(), y.values().stream().map(AttributeValue.B::new).toList());
        }
        if (a instanceof AttributeValue.L x && b instanceof AttributeValue.L y) {
            if (x.values().size() != y.values().size()) return false;
            for (int i = 0; i < x.values().size(); i++) {
                if (!equal(x.values().get(i), y.values().get(i))) return false;
            }
            return true;
        }
        if (a instanceof AttributeValue.M x && b instanceof AttributeValue.M y) {
            if (!x.values().keySet().equals(y.values().keySet())) return false;
            for (Map.Entry<String, AttributeValue> e : x.values().entrySet()) {
                if (!equal(e.getValue(), y.values().get(e.getKey()))) return false;
            }
            return true;
        }
        return a.equals(b); // scalars; numbers are normalised, so equal numbers are equal records
    }

    /** True for the types that have an order: S, N and B. */
    public static boolean isOrdered(String typeName) {
        return typeName.equals("S") || typeName.equals("N") || typeName.equals("B");
    }

    /**
     * Compares two values of the same ordered type; null when they cannot be compared (missing,
     * different types, or a type without order), which makes every ordering comparison false.
     */
    public static Integer compare(AttributeValue a, AttributeValue b) {
        if (a instanceof AttributeValue.N x && b instanceof AttributeValue.N y) return x.value().compareTo(y.value());
        if (a instanceof AttributeValue.S x && b instanceof AttributeValue.S y) return compareCodePoints(x.value(), y.value());
        if (a instanceof AttributeValue.B x && b instanceof AttributeValue.B y) return Arrays.compareUnsigned(x.value(), y.value());
        return null;
    }

    /**
     * {@code contains(a, b)}: a substring of a string, a byte sequence within a binary, a member of
     * a set of b's type, or an element of a list equal to b; false for anything else.
     */
    public static boolean contains(AttributeValue a, AttributeValue b) {
        if (a == null || b == null) return false;
        if (a instanceof AttributeValue.S x && b instanceof AttributeValue.S y) return x.value().contains(y.value());
        if (a instanceof AttributeValue.B x && b instanceof AttributeValue.B y) return indexOf(x.value(), y.value()) >= 0;
        if (a instanceof AttributeValue.SS x && b instanceof AttributeValue.S y) return x.values().contains(y.value());
        if (a instanceof AttributeValue.NS x && b instanceof AttributeValue.N y) return x.values().contains(y.value());
        if (a instanceof AttributeValue.BS x && b instanceof AttributeValue.B y) {
            return x.values().stream().anyMatch(v -> Arrays.equals(v, y.value()));
        }
        if (a instanceof AttributeValue.L x) return x.values().stream().anyMatch(v -> equal(v, b));
        return false;
    }

    /** {@code begins_with(a, b)}: a string or binary prefix, of the same type; false otherwise. */
    public static boolean beginsWith(AttributeValue a, AttributeValue b) {
        if (a instanceof AttributeValue.S x && b instanceof AttributeValue.S y) return x.value().startsWith(y.value());
        if (a instanceof AttributeValue.B x && b instanceof AttributeValue.B y) {
            return y.value().length <= x.value().length && Arrays.equals(x.value(), 0, y.value().length, y.value(), 0, y.value().length);
        }
        return false;
    }

    /**
     * {@code size(a)}: the UTF-8 length of a string, the length of a binary, the number of members
     * of a set, list or map; null (which fails every comparison) for numbers, booleans and nulls.
     */
    public static AttributeValue size(AttributeValue a) {
        long size;
        if (a instanceof AttributeValue.S s) size = s.value().getBytes(StandardCharsets.UTF_8).length;
        else if (a instanceof AttributeValue.B b) size = b.value().length;
        else if (a instanceof AttributeValue.SS ss) size = ss.values().size();
        else if (a instanceof AttributeValue.NS ns) size = ns.values().size();
        else if (a instanceof AttributeValue.BS bs) size = bs.values().size();
        else if (a instanceof AttributeValue.L l) size = l.values().size();
        else if (a instanceof AttributeValue.M m) size = m.values().size();
        else return null;
        return new AttributeValue.N(BigDecimal.valueOf(size));
    }

    private static <T> boolean sameMembers(List<T> a, List<T> b) {
        return a.size() == b.size() && new HashSet<>(a).equals(new HashSet<>(b));
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) return Integer.compare(x, y);
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int indexOf(byte[] source, byte[] target) {
        outer:
        for (int i = 0; i <= source.length - target.length; i++) {
            for (int k = 0; k < target.length; k++) {
                if (source[i + k] != target[k]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
