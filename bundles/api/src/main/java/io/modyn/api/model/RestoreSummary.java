package io.modyn.api.model;

import java.time.Instant;

/**
 * How a restored table came to be, as DescribeTable's {@code RestoreSummary} reports it.
 *
 * @param sourceBackupArn the backup restored, or null for a point-in-time restore
 * @param sourceTableArn the table the backup or the point in time was of
 * @param restoreDateTime the point in time restored to (for a backup: when it was made)
 * @param restoreInProgress true until every item is in the table and the table is ACTIVE
 */
public record RestoreSummary(String sourceBackupArn, String sourceTableArn, Instant restoreDateTime, boolean restoreInProgress) {
}
