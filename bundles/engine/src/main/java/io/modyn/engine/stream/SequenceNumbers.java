package io.modyn.engine.stream;

import java.math.BigInteger;

/**
 * Sequence numbers on the wire: decimal strings of at least 21 digits, as DynamoDB's (clients such
 * as the Kinesis adapter compare them as big integers, some libraries check they are all digits).
 */
final class SequenceNumbers {

    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private SequenceNumbers() {
    }

    static String format(long sequence) {
        return String.format("%021d", sequence);
    }

    /**
     * The number a client sent, or -1 if it is not a decimal number; numbers beyond any this server
     * issues read as {@link Long#MAX_VALUE}.
     */
    static long parse(String text) {
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) return -1;
        BigInteger value = new BigInteger(text);
        return value.compareTo(MAX) > 0 ? Long.MAX_VALUE : value.longValue();
    }
}
