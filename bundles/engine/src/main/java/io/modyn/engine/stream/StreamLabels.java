package io.modyn.engine.stream;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Stream labels as DynamoDB writes them: the UTC time the stream was enabled, to the millisecond,
 * without a zone ({@code 2026-11-21T11:22:33.444}). The label names the stream in its ARN, so two
 * streams of one table must never share one: a label is always later than the table's previous.
 */
final class StreamLabels {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private StreamLabels() {
    }

    /** A new label for a stream enabled now, later than the previous label if there was one. */
    static String next(String previous, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        if (previous != null) {
            Instant before = parse(previous);
            if (!at.isAfter(before)) at = before.plusMillis(1);
        }
        return FORMAT.format(at);
    }

    /** The time a label stands for; the label must be well-formed. */
    static Instant parse(String label) {
        return FORMAT.parse(label, Instant::from);
    }

    static boolean isWellFormed(String label) {
        try {
            parse(label);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
