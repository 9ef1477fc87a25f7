package io.modyn.api.backup;

import java.time.Instant;

/**
 * A table's point-in-time recovery: status {@code ENABLED} or {@code DISABLED}; when enabled, the
 * window it can be restored to and its length in days. Null members are left out.
 */
public record PointInTimeRecoveryDescription(String pointInTimeRecoveryStatus, Instant earliestRestorableDateTime,
        Instant latestRestorableDateTime, Integer recoveryPeriodInDays) {
}
