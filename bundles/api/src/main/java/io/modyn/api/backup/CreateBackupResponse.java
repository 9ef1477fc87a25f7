package io.modyn.api.backup;

/** CreateBackup's answer: the new backup's details. */
public record CreateBackupResponse(BackupDetails backupDetails) {
}
