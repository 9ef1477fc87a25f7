package io.modyn.api.backup;

/** DeleteBackup's answer: the backup as it was, with status DELETED. */
public record DeleteBackupResponse(BackupDescription backupDescription) {
}
