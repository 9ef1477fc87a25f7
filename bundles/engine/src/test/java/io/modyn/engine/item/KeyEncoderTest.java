package io.modyn.engine.item;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.api.model.AttributeValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyEncoderTest {

    @Test
    void numberBytesSortInNumericOrder() {
        List<BigDecimal> numbers = new ArrayList<>(List.of(
                new BigDecimal("-1E+125"), new BigDecimal("-100"), new BigDecimal("-99.9"), new BigDecimal("-10"),
                new BigDecimal("-1.23"), new BigDecimal("-1.2"), new BigDecimal("-1"), new BigDecimal("-0.5"),
                new BigDecimal("-1E-130"), BigDecimal.ZERO, new BigDecimal("1E-130"), new BigDecimal("0.5"), BigDecimal.ONE,
                new BigDecimal("1.2"), new BigDecimal("1.23"), BigDecimal.TEN, new BigDecimal("99.9"), new BigDecimal("100"),
                new BigDecimal("9.9999999999999999999999999999999999999E+125")));
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            numbers.add(new BigDecimal(random.nextLong()).movePointLeft(random.nextInt(40) - 20));
        }
        List<BigDecimal> byBytes = new ArrayList<>(numbers);
        byBytes.sort((a, b) -> Arrays.compareUnsigned(KeyEncoder.encodeNumber(a), KeyEncoder.encodeNumber(b)));
        List<BigDecimal> byValue = new ArrayList<>(numbers);
        byValue.sort(BigDecimal::compareTo);
        for (int i = 0; i < numbers.size(); i++) {
            assertEquals(0, byValue.get(i).compareTo(byBytes.get(i)), "position " + i);
        }
    }

    @Test
    void equalNumbersEncodeIdentically() {
        assertArrayEquals(KeyEncoder.encode(AttributeValue.n("1.50")), KeyEncoder.encode(AttributeValue.n("1.5")));
        assertArrayEquals(KeyEncoder.encode(AttributeValue.n("1e2")), KeyEncoder.encode(AttributeValue.n("100")));
        assertArrayEquals(KeyEncoder.encode(AttributeValue.n("-0")), KeyEncoder.encode(AttributeValue.n("0")));
    }

    @Test
    void stringsSortByUtf8Bytes() {
        // U+FF5E sorts after U+1F600 in UTF-16 but before it in UTF-8, which is DynamoDB's order.
        byte[] a = KeyEncoder.encode(AttributeValue.s("\uFF5E"));
        byte[] b = KeyEncoder.encode(AttributeValue.s("\uD83D\uDE00"));
        assertEquals(-1, Integer.signum(Arrays.compareUnsigned(a, b)));
    }
}
