package io.modyn.engine.ttl;

import java.time.Duration;

/**
 * How hard the expirer works: the pause between two passes over the tables with TTL enabled, and
 * the most items it deletes per second (its deletes are writes like any other: paced, they leave
 * the storage's locks and commit bandwidth to client requests).
 */
public record ExpirySettings(Duration scanInterval, int maxDeletesPerSecond) {

    public static final long DEFAULT_SCAN_INTERVAL_SECONDS = 60;
    public static final int DEFAULT_MAX_DELETES_PER_SECOND = 500;

    public ExpirySettings {
        if (scanInterval.isNegative() || scanInterval.isZero()) throw new IllegalArgumentException("scan interval must be positive: " + scanInterval);
        if (maxDeletesPerSecond < 1) throw new IllegalArgumentException("max deletes per second must be at least 1: " + maxDeletesPerSecond);
    }
}
