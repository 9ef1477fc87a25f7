package io.modyn.api.model;

import java.math.BigDecimal;

/** Parsing and normalisation of DynamoDB number text, shared by every wire format. */
public final class Numbers {

    private static final long MAX_EXPONENT = 125;
    private static final long MIN_EXPONENT = -130;

    private Numbers() {
    }

    /**
     * Parses number text as DynamoDB accepts it: optional sign, digits with an optional fraction,
     * optional exponent. Leading/trailing blanks, hex, {@code NaN} and {@code Infinity} are rejected.
     *
     * @throws DynamoException a {@code ValidationException} with DynamoDB's message
     */
    public static BigDecimal parse(String text) {
        if (text == null || text.isEmpty() || !isNumberSyntax(text)) {
            throw DynamoException.validation(
                    "The parameter cannot be converted to a numeric value" + (text == null || text.isEmpty() ? "" : ": " + text));
        }
        checkWrittenExponent(text);
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException e) {
            throw DynamoException.validation("The parameter cannot be converted to a numeric value: " + text);
        }
        boolean exponentWritten = text.indexOf('e') >= 0 || text.indexOf('E') >= 0;
        if (value.signum() == 0 && exponentWritten) checkMagnitude(value.precision() - value.scale() - 1L);
        return normalise(value);
    }

    /**
     * DynamoDB reads a number's exponent in full before it applies its magnitude limits (1E-130 to
     * below 1E+126): an exponent past a 32-bit integer is an overflow or an underflow, not a number
     * that cannot be read, and only one past a 64-bit integer cannot be converted. Zero is
     * range-checked by the exponent it is written with (captured in eu-west-2, October 2026).
     */
    private static void checkWrittenExponent(String text) {
        int e = Math.max(text.indexOf('e'), text.indexOf('E'));
        if (e < 0) return;
        long exponent;
        try {
            exponent = Long.parseLong(text.substring(e + 1));
        } catch (NumberFormatException tooLong) {
            throw DynamoException.validation("The parameter cannot be converted to a numeric value: " + text);
        }
        if (exponent > Integer.MAX_VALUE || exponent < -Integer.MAX_VALUE) checkMagnitude(exponent);
    }

    private static void checkMagnitude(long exponent) {
        if (exponent > MAX_EXPONENT) {
            throw DynamoException.validation("Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (exponent < MIN_EXPONENT) {
            throw DynamoException.validation("Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
    }

    /** Removes trailing zeros, so equal numbers have equal representations. */
    public static BigDecimal normalise(BigDecimal value) {
        if (value == null) throw new NullPointerException("value");
        if (value.signum() == 0) return BigDecimal.ZERO;
        return value.stripTrailingZeros();
    }

    private static boolean isNumberSyntax(String s) {
        int i = 0;
        int n = s.length();
        if (s.charAt(i) == '+' || s.charAt(i) == '-') i++;
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i))) { i++; digits++; }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && Character.isDigit(s.charAt(i))) { i++; digits++; }
        }
        if (digits == 0) return false;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            int expDigits = 0;
            while (i < n && Character.isDigit(s.charAt(i))) { i++; expDigits++; }
            if (expDigits == 0) return false;
        }
        return i == n;
    }
}
