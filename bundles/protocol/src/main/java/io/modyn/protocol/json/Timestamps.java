package io.modyn.protocol.json;

import jakarta.json.stream.JsonGenerator;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Timestamps as DynamoDB's JSON protocol carries them: a JSON number of seconds since the epoch
 * with a millisecond fraction, such as {@code 1700000000.123}. The AWS SDKs parse it as a decimal.
 */
final class Timestamps {

    private Timestamps() {
    }

    /** Writes {@code "name": seconds}; nothing if the instant is null. */
    static void write(JsonGenerator out, String name, Instant instant) {
        if (instant != null) {
            out.write(name, epochSeconds(instant));
        }
    }

    /**
     * Writes {@code "name": seconds} rounded down to the whole second, as DynamoDB Streams dates
     * its records ({@code ApproximateCreationDateTime}); nothing if the instant is null.
     */
    static void writeWholeSeconds(JsonGenerator out, String name, Instant instant) {
        if (instant != null) {
            out.write(name, instant.getEpochSecond());
        }
    }

    static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }
}
