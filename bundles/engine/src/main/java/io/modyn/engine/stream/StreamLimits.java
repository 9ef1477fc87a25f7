package io.modyn.engine.stream;

import java.time.Duration;

/**
 * How long a shard iterator stays valid and how long stream records are kept: DynamoDB's 15
 * minutes and 24 hours unless configured otherwise (shorter values exist so that tests can reach
 * ExpiredIteratorException and TrimmedDataAccessException in seconds).
 */
public record StreamLimits(Duration iteratorLifetime, Duration retention) {

    public static final long DEFAULT_ITERATOR_LIFETIME_SECONDS = 15 * 60;
    public static final long DEFAULT_RETENTION_SECONDS = 24 * 60 * 60;

    /** DynamoDB's limits. */
    public static final StreamLimits DYNAMODB = new StreamLimits(Duration.ofSeconds(DEFAULT_ITERATOR_LIFETIME_SECONDS),
            Duration.ofSeconds(DEFAULT_RETENTION_SECONDS));

    /** The longest pause between two retention passes, whatever the retention. */
    private static final Duration MAX_RETENTION_PERIOD = Duration.ofSeconds(60);

    public StreamLimits {
        if (iteratorLifetime.isNegative() || iteratorLifetime.isZero()) throw new IllegalArgumentException("iteratorLifetime must be positive");
        if (retention.isNegative() || retention.isZero()) throw new IllegalArgumentException("retention must be positive");
    }

    /**
     * The pause between two retention passes: a minute, or half the retention when that is
     * shorter, so that a record is trimmed at most one and a half retentions after it was written.
     */
    Duration retentionPeriod() {
        Duration half = retention.dividedBy(2);
        return half.compareTo(MAX_RETENTION_PERIOD) < 0 ? half : MAX_RETENTION_PERIOD;
    }
}
