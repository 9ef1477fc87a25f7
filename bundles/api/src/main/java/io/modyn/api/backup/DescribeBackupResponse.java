package io.modyn.api.backup;

/** DescribeBackup's answer. */
public record DescribeBackupResponse(BackupDescription backupDescription) {
}
