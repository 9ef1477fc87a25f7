package io.modyn.backup.catalog;

import java.time.Instant;

/**
 * One backup as the catalog keeps it.
 *
 * @param archiveKeyspace the keyspace holding the table's items as of {@code createdAt}
 * @param manifest the engine's manifest of that archive (the table's definition then)
 * @param expiresAt when a SYSTEM backup expires, null for USER backups
 */
public record BackupRecord(String backupId, String backupArn, String backupName, String status, String type, Instant createdAt,
        Instant expiresAt, long sizeBytes, String tableName, String tableId, String tableArn, String archiveKeyspace, byte[] manifest) {

    public BackupRecord withStatus(String newStatus) {
        return new BackupRecord(backupId, backupArn, backupName, newStatus, type, createdAt, expiresAt, sizeBytes, tableName, tableId,
                tableArn, archiveKeyspace, manifest);
    }
}
