package io.modyn.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Number text as DynamoDB reads it, exponents included (conformance captures, eu-west-2, October 2026). */
class NumbersTest {

    private static final String OVERFLOW = "Number overflow. Attempting to store a number with magnitude larger than supported range";
    private static final String UNDERFLOW = "Number underflow. Attempting to store a number with magnitude smaller than supported range";

    @Test
    void anExponentPastAThirtyTwoBitIntegerIsAnOverflowOrUnderflow() {
        assertEquals(OVERFLOW, error("1e99999999999"));
        assertEquals(OVERFLOW, error("1e2147483648"));
        assertEquals(UNDERFLOW, error("1e-99999999999"));
        assertEquals(OVERFLOW, error("-5.5E+3000000000"));
    }

    @Test
    void anExponentPastASixtyFourBitIntegerCannotBeConverted() {
        assertEquals("The parameter cannot be converted to a numeric value: 1e9223372036854775808", error("1e9223372036854775808"));
    }

    @Test
    void zeroIsRangeCheckedByTheExponentItIsWrittenWith() {
        assertEquals(OVERFLOW, error("0e126"));
        assertEquals(UNDERFLOW, error("0e-131"));
        assertEquals(BigDecimal.ZERO, Numbers.parse("0e125"));
        assertEquals(BigDecimal.ZERO, Numbers.parse("0.000"));
    }

    @Test
    void numbersInsideTheRangeParseAsBefore() {
        assertEquals(new BigDecimal("1E-130"), Numbers.parse("1e-130"));
        assertEquals(new BigDecimal("12.5"), Numbers.parse("12.50"));
        assertEquals("The parameter cannot be converted to a numeric value: 12a", error("12a"));
    }

    private static String error(String text) {
        return assertThrows(DynamoException.class, () -> Numbers.parse(text)).getMessage();
    }
}
