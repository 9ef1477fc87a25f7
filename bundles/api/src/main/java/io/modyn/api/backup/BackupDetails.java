package io.modyn.api.backup;

import java.time.Instant;

/**
 * A backup's {@code BackupDetails}.
 *
 * @param backupSizeBytes the size of the items backed up, or null while the backup is being created
 * @param backupStatus {@link #CREATING}, {@link #AVAILABLE} or {@link #DELETED}
 * @param backupType {@link #USER}, {@link #SYSTEM} or {@link #AWS_BACKUP}
 * @param backupExpiryDateTime when a SYSTEM backup expires, null for the others
 */
public record BackupDetails(String backupArn, String backupName, Long backupSizeBytes, String backupStatus, String backupType,
        Instant backupCreationDateTime, Instant backupExpiryDateTime) {

    public static final String CREATING = "CREATING";
    public static final String AVAILABLE = "AVAILABLE";
    public static final String DELETED = "DELETED";
    public static final String USER = "USER";
    public static final String SYSTEM = "SYSTEM";
    public static final String AWS_BACKUP = "AWS_BACKUP";
}
