package io.modyn.api.backup;

import java.time.Instant;

/** One backup in a ListBackups answer. */
public record BackupSummary(String tableName, String tableId, String tableArn, String backupArn, String backupName,
        Instant backupCreationDateTime, Instant backupExpiryDateTime, String backupStatus, String backupType, Long backupSizeBytes) {
}
