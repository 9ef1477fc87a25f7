package io.modyn.auth.iam.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Dates as the Date condition operators read them: ISO 8601 (a full timestamp with {@code Z} or an
 * offset, a timestamp without zone taken as UTC, or a bare date at midnight UTC) or epoch seconds
 * (as {@code aws:EpochTime} gives them). Compared at millisecond precision.
 */
final class IamDates {

    private IamDates() {
    }

    /** @return milliseconds since the epoch, or null if the text is no date IAM accepts */
    static Long epochMillis(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        if (t.matches("-?\\d{1,18}")) {
            try {
                return Math.multiplyExact(Long.parseLong(t), 1000L);
            } catch (ArithmeticException | NumberFormatException e) {
                return null;
            }
        }
        try {
            return OffsetDateTime.parse(t).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return Instant.parse(t).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
