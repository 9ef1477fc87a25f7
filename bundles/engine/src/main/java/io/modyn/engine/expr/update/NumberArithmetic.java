package io.modyn.engine.expr.update;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.Numbers;
import io.modyn.engine.item.AttributeValueRules;
import java.math.BigDecimal;

/**
 * Addition and subtraction of DynamoDB numbers (SET {@code a + b}, ADD). The sum is computed
 * exactly and must fit DynamoDB's number type: magnitude from 1E-130 to below 1E+126, at most 38
 * significant digits. A result that would need more digits is not rounded: DynamoDB refuses it,
 * and (as observed by the Alternator project's tests against DynamoDB) with its overflow message.
 */
public final class NumberArithmetic {

    private static final int MAX_PRECISION = 38;

    private NumberArithmetic() {
    }

    public static BigDecimal add(BigDecimal a, BigDecimal b) {
        return checked(a.add(b));
    }

    public static BigDecimal subtract(BigDecimal a, BigDecimal b) {
        return checked(a.subtract(b));
    }

    private static BigDecimal checked(BigDecimal exact) {
        BigDecimal result = Numbers.normalise(exact);
        if (result.signum() != 0 && result.precision() > MAX_PRECISION && magnitudeInRange(result)) {
            throw DynamoException.validation("Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        AttributeValueRules.checkNumber(result);
        return result;
    }

    private static boolean magnitudeInRange(BigDecimal value) {
        int exponent = value.precision() - value.scale() - 1;
        return exponent <= 125 && exponent >= -130;
    }
}
