package io.modyn.api.model;

import java.math.BigDecimal;

/** Parsing and normalisation of DynamoDB number text, shared by every wire format. */
public final class Numbers {

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
        try {
            return normalise(new BigDecimal(text));
        } catch (NumberFormatException | ArithmeticException e) {
            throw DynamoException.validation("The parameter cannot be converted to a numeric value: " + text);
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
