package io.modyn.api.backup;

/** DescribeBackup: the backup's ARN. */
public record DescribeBackupRequest(String backupArn) {
}
