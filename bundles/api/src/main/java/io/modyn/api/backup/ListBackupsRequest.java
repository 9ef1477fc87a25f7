package io.modyn.api.backup;

import java.time.Instant;

/**
 * ListBackups; unset members are null.
 *
 * @param backupType {@code USER}, {@code SYSTEM}, {@code AWS_BACKUP} or {@code ALL}; null means USER
 */
public record ListBackupsRequest(String tableName, Integer limit, Instant timeRangeLowerBound, Instant timeRangeUpperBound,
        String exclusiveStartBackupArn, String backupType) {
}
