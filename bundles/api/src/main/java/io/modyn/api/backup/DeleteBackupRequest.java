package io.modyn.api.backup;

/** DeleteBackup: the backup's ARN. */
public record DeleteBackupRequest(String backupArn) {
}
