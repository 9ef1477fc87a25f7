package io.modyn.backup;

import io.modyn.api.backup.BackupDetails;
import io.modyn.api.backup.BackupSummary;
import io.modyn.api.backup.CreateBackupRequest;
import io.modyn.api.backup.CreateBackupResponse;
import io.modyn.api.backup.DeleteBackupRequest;
import io.modyn.api.backup.DeleteBackupResponse;
import io.modyn.api.backup.DescribeBackupRequest;
import io.modyn.api.backup.DescribeBackupResponse;
import io.modyn.api.backup.ListBackupsRequest;
import io.modyn.api.backup.ListBackupsResponse;
import io.modyn.api.backup.RestoreTableFromBackupRequest;
import io.modyn.api.backup.RestoreTableResponse;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.RestoreSummary;
import io.modyn.api.tables.TableArchive;
import io.modyn.api.tables.TableArchives;
import io.modyn.api.tables.TableRestore;
import io.modyn.backup.catalog.BackupCatalog;
import io.modyn.backup.catalog.BackupRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * On-demand backups: CreateBackup copies the table's items as of one instant into a keyspace of the
 * backup's own (the engine's {@link TableArchives#archive}) and records it in the
 * {@link BackupCatalog}; the copy outlives the table. RestoreTableFromBackup hands the copy back to
 * the engine, which makes the new table from it. CreateBackup's answer says CREATING as DynamoDB's
 * does, though the copy is complete when it returns: DescribeBackup says AVAILABLE from then on.
 */
final class OnDemandBackups {

    static final List<String> LISTED_TYPES = List.of(BackupDetails.USER, BackupDetails.SYSTEM, BackupDetails.AWS_BACKUP, "ALL");
    static final List<String> BILLING_MODES = List.of("PROVISIONED", "PAY_PER_REQUEST");

    private final BackupCatalog catalog;
    private final TableArchives archives;
    private final BackupArns arns;
    private final BackupAccess access;

    OnDemandBackups(BackupCatalog catalog, TableArchives archives, BackupArns arns, BackupAccess access) {
        this.catalog = catalog;
        this.archives = archives;
        this.arns = arns;
        this.access = access;
    }

    CreateBackupResponse create(CreateBackupRequest request, RequestContext context) {
        new Violations().notNull("tableName", request.tableName()).name("tableName", request.tableName())
                .notNull("backupName", request.backupName()).name("backupName", request.backupName()).throwIfAny();
        access.require(context, "CreateBackup", arns.table(request.tableName()));
        BackupRecord record = archive(request.tableName(), request.backupName(), BackupDetails.USER, null);
        return new CreateBackupResponse(BackupDescriptions.details(record.withStatus(BackupDetails.CREATING)));
    }

    /** Archives the table now and records the backup; also how PITR keeps a deleted table (SYSTEM backups). */
    BackupRecord archive(String tableName, String backupName, String type, Instant expiresAt) {
        Instant now = BackupArns.nextCreationTime();
        String id = BackupArns.newId(now);
        String keyspace = "backup." + id;
        TableArchive archive = archives.archive(tableName, keyspace);
        BackupRecord record = new BackupRecord(id, arns.backup(tableName, id), backupName, BackupDetails.AVAILABLE, type, now, expiresAt,
                archive.source().tableSizeBytes(), tableName, archive.source().definition().tableId(), archive.source().tableArn(), keyspace,
                archive.manifest());
        try {
            catalog.put(record);
        } catch (RuntimeException e) {
            catalog.storage().dropKeyspace(keyspace);
            throw e;
        }
        return record;
    }

    /**
     * Records a SYSTEM backup whose archive {@code fill} writes into the keyspace it is given: the
     * last state of a deleted table with point-in-time recovery, from its base and history.
     */
    BackupRecord recordFrom(io.modyn.backup.catalog.RecoveryState state, java.util.function.Consumer<String> fill, Instant expiresAt) {
        Instant now = BackupArns.nextCreationTime();
        String id = BackupArns.newId(now);
        String keyspace = "backup." + id;
        fill.accept(keyspace);
        TableArchive archive = archives.read(keyspace, state.manifest());
        BackupRecord record = new BackupRecord(id, arns.backup(state.tableName(), id), ContinuousBackups.deletedTableBackupName(state.tableName()),
                BackupDetails.AVAILABLE, BackupDetails.SYSTEM, now, expiresAt, catalog.storage().statistics(keyspace).sizeBytes(),
                state.tableName(), state.tableId(), state.tableArn(), keyspace, archive.manifest());
        catalog.put(record);
        return record;
    }

    DescribeBackupResponse describe(DescribeBackupRequest request, RequestContext context) {
        checkArn(request.backupArn());
        access.require(context, "DescribeBackup", request.backupArn());
        return new DescribeBackupResponse(BackupDescriptions.description(require(request.backupArn()), archives));
    }

    ListBackupsResponse list(ListBackupsRequest request, RequestContext context) {
        new Violations().name("tableName", request.tableName()).range("limit", request.limit(), 1, 100)
                .length("exclusiveStartBackupArn", request.exclusiveStartBackupArn(), 37, 1024)
                .oneOf("backupType", request.backupType(), LISTED_TYPES).throwIfAny();
        access.require(context, "ListBackups", "*");
        String type = request.backupType() == null ? BackupDetails.USER : request.backupType();
        int limit = request.limit() == null ? 100 : request.limit();
        List<BackupSummary> page = new ArrayList<>();
        String last = null;
        for (BackupRecord r : catalog.after(BackupArns.idOf(request.exclusiveStartBackupArn()))) {
            if (request.tableName() != null && !request.tableName().equals(r.tableName())) continue;
            if (!"ALL".equals(type) && !type.equals(r.type())) continue;
            if (request.timeRangeLowerBound() != null && r.createdAt().isBefore(request.timeRangeLowerBound())) continue;
            if (request.timeRangeUpperBound() != null && !r.createdAt().isBefore(request.timeRangeUpperBound())) continue;
            if (page.size() == limit) {
                last = page.get(page.size() - 1).backupArn();
                break;
            }
            page.add(BackupDescriptions.summary(r));
        }
        return new ListBackupsResponse(page, last);
    }

    DeleteBackupResponse delete(DeleteBackupRequest request, RequestContext context) {
        checkArn(request.backupArn());
        access.require(context, "DeleteBackup", request.backupArn());
        BackupRecord record = require(request.backupArn());
        var description = BackupDescriptions.description(record.withStatus(BackupDetails.DELETED), archives);
        if (!catalog.remove(record.backupId())) throw notFound(request.backupArn());
        catalog.storage().dropKeyspace(record.archiveKeyspace());
        return new DeleteBackupResponse(description);
    }

    RestoreTableResponse restore(RestoreTableFromBackupRequest request, RequestContext context) {
        new Violations().notNull("targetTableName", request.targetTableName()).name("targetTableName", request.targetTableName())
                .notNull("backupArn", request.backupArn()).length("backupArn", request.backupArn(), 37, 1024)
                .oneOf("billingModeOverride", request.billingModeOverride(), BILLING_MODES).throwIfAny();
        access.require(context, "RestoreTableFromBackup", request.backupArn(), arns.table(request.targetTableName()));
        BackupRecord record = require(request.backupArn());
        if (!BackupDetails.AVAILABLE.equals(record.status())) {
            throw new DynamoException(ErrorType.BACKUP_IN_USE, "Backup is being created: " + request.backupArn());
        }
        TableArchive archive = archives.read(record.archiveKeyspace(), record.manifest());
        TableRestore restore = new TableRestore(request.targetTableName(), archive, request.billingModeOverride(),
                request.globalSecondaryIndexOverride(), request.localSecondaryIndexOverride(), request.provisionedThroughputOverride(),
                request.sseSpecificationOverride(), new RestoreSummary(record.backupArn(), record.tableArn(), record.createdAt(), true),
                false);
        return new RestoreTableResponse(archives.restore(restore));
    }

    private static void checkArn(String backupArn) {
        new Violations().notNull("backupArn", backupArn).length("backupArn", backupArn, 37, 1024).throwIfAny();
    }

    private BackupRecord require(String backupArn) {
        String id = BackupArns.idOf(backupArn);
        BackupRecord record = id == null ? null : catalog.get(id);
        if (record == null || !record.backupArn().equals(backupArn)) throw notFound(backupArn);
        return record;
    }

    private static DynamoException notFound(String backupArn) {
        return new DynamoException(ErrorType.BACKUP_NOT_FOUND, "Backup not found: " + backupArn);
    }
}
