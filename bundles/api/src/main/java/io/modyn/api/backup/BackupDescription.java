package io.modyn.api.backup;

/** DescribeBackup's {@code BackupDescription}: the backup, and the table it was made of as it was then. */
public record BackupDescription(BackupDetails backupDetails, SourceTableDetails sourceTableDetails,
        SourceTableFeatureDetails sourceTableFeatureDetails) {
}
