package io.modyn.auth.iam.sigv4;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** SigV4's timestamps: ISO-8601 basic format in UTC ({@code 20150830T123600Z}), or an HTTP {@code Date}. */
final class AmzDate {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private AmzDate() {
    }

    static String format(Instant instant) {
        return BASIC.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** @throws io.modyn.api.model.DynamoException IncompleteSignatureException if not in basic format */
    static Instant parseBasic(String text) {
        if (text.length() != 16) {
            throw SignatureErrors.badDate(text);
        }
        try {
            return Instant.from(BASIC.parse(text));
        } catch (DateTimeParseException e) {
            throw SignatureErrors.badDate(text);
        }
    }

    /** An HTTP {@code Date} header (RFC 1123), used when a request has no {@code X-Amz-Date}. */
    static Instant parseHttpDate(String text) {
        try {
            return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(text.trim()));
        } catch (DateTimeParseException e) {
            throw SignatureErrors.badDate(text);
        }
    }
}
