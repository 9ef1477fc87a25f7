package io.modyn.engine.expr.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.model.DynamoException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** DynamoDB's number limits applied to sums (developer guide, "Data types": Number). */
class NumberArithmeticTest {

    private static BigDecimal d(String text) {
        return new BigDecimal(text);
    }

    @Test
    void resultsAreExactAndNormalised() {
        assertEquals(d("3"), NumberArithmetic.add(d("1.5"), d("1.50")));
        assertEquals(BigDecimal.ZERO, NumberArithmetic.subtract(d("1e100"), d("1E+100")));
        assertEquals(d("9.99999999e125"), NumberArithmetic.add(d("9.99999998e125"), d("0.00000001e125")));
        assertEquals(d("31415926535897932384626433832795028841"), NumberArithmetic.add(d("31415926535897932384626433832795028840"), d("1")));
    }

    @Test
    void resultsOutsideTheRangeOrPrecisionAreRefused() {
        String overflow = "Number overflow. Attempting to store a number with magnitude larger than supported range";
        assertEquals(overflow, assertThrows(DynamoException.class, () -> NumberArithmetic.add(d("9e125"), d("1e125"))).getMessage());
        assertEquals(overflow, assertThrows(DynamoException.class,
                () -> NumberArithmetic.add(d("99999999999999999999999999999999999999"), d("1e-10"))).getMessage());
        assertEquals("Number underflow. Attempting to store a number with magnitude smaller than supported range",
                assertThrows(DynamoException.class, () -> NumberArithmetic.subtract(d("1.5e-130"), d("1.4e-130"))).getMessage());
    }
}
