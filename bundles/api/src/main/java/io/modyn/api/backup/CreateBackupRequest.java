package io.modyn.api.backup;

/** CreateBackup: the table to back up and the backup's name; unset members are null. */
public record CreateBackupRequest(String tableName, String backupName) {
}
