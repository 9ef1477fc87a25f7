package io.modyn.api.model;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One DynamoDB attribute value: exactly one of the ten wire types.
 *
 * <p>Values are immutable. Numbers are held as normalised {@link BigDecimal}s (no trailing zeros,
 * zero without scale), so two numbers that DynamoDB considers equal are {@code equals} here too and
 * {@link N#text()} gives DynamoDB's returned form. Range and precision (38 digits, 1E-130 to below
 * 1E+126) are validated by the engine, not here, so that the wire layer can report a parse error
 * and the engine a range error with DynamoDB's distinct messages.
 *
 * <p>Set members keep the order they arrived in (DynamoDB returns sets in an unspecified order);
 * set semantics such as duplicate detection belong to the engine.
 */
public sealed interface AttributeValue {

    /** The wire name of this value's type: {@code S}, {@code N}, {@code B}, {@code BOOL}, ... */
    String typeName();

    record S(String value) implements AttributeValue {
        public S {
            if (value == null) throw new NullPointerException("value");
        }
        @Override public String typeName() { return "S"; }
    }

    record N(BigDecimal value) implements AttributeValue {
        public N {
            value = Numbers.normalise(value);
        }
        /** The number as DynamoDB returns it: plain notation, no trailing zeros. */
        public String text() { return value.toPlainString(); }
        @Override public String typeName() { return "N"; }
        @Override public String toString() { return "N[" + text() + "]"; }
    }

    record B(byte[] value) implements AttributeValue {
        public B {
            if (value == null) throw new NullPointerException("value");
        }
        @Override public String typeName() { return "B"; }
        @Override public boolean equals(Object o) { return o instanceof B b && Arrays.equals(value, b.value); }
        @Override public int hashCode() { return Arrays.hashCode(value); }
        @Override public String toString() { return "B[" + Base64.getEncoder().encodeToString(value) + "]"; }
    }

    record Bool(boolean value) implements AttributeValue {
        public static final Bool TRUE = new Bool(true);
        public static final Bool FALSE = new Bool(false);
        @Override public String typeName() { return "BOOL"; }
    }

    record Null() implements AttributeValue {
        public static final Null INSTANCE = new Null();
        @Override public String typeName() { return "NULL"; }
    }

    record L(List<AttributeValue> values) implements AttributeValue {
        public L { values = List.copyOf(values); }
        @Override public String typeName() { return "L"; }
    }

    record M(Map<String, AttributeValue> values) implements AttributeValue {
        public M { values = Items.copyOf(java.util.Objects.requireNonNull(values, "values")); }
        @Override public String typeName() { return "M"; }
    }

    record SS(List<String> values) implements AttributeValue {
        public SS { values = List.copyOf(values); }
        @Override public String typeName() { return "SS"; }
    }

    record NS(List<BigDecimal> values) implements AttributeValue {
        public NS { values = values.stream().map(Numbers::normalise).toList(); }
        @Override public String typeName() { return "NS"; }
    }

    record BS(List<byte[]> values) implements AttributeValue {
        public BS { values = List.copyOf(values); }
        @Override public String typeName() { return "BS"; }
        @Override public boolean equals(Object o) {
            if (!(o instanceof BS other) || other.values.size() != values.size()) return false;
            for (int i = 0; i < values.size(); i++) {
                if (!Arrays.equals(values.get(i), other.values.get(i))) return false;
            }
            return true;
        }
        @Override public int hashCode() {
            int h = 1;
            for (byte[] v : values) h = 31 * h + Arrays.hashCode(v);
            return h;
        }
        @Override public String toString() { return "BS" + values.stream().map(v -> Base64.getEncoder().encodeToString(v)).toList(); }
    }

    static S s(String value) { return new S(value); }

    static N n(String text) { return new N(Numbers.parse(text)); }

    static N n(long value) { return new N(BigDecimal.valueOf(value)); }

    static B b(byte[] value) { return new B(value); }

    static Bool bool(boolean value) { return value ? Bool.TRUE : Bool.FALSE; }

    static Null nul() { return Null.INSTANCE; }
}
