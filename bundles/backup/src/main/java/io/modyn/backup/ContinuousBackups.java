package io.modyn.backup;

import io.modyn.api.backup.ContinuousBackupsDescription;
import io.modyn.api.backup.DescribeContinuousBackupsRequest;
import io.modyn.api.backup.PointInTimeRecoveryDescription;
import io.modyn.api.backup.RestoreTableResponse;
import io.modyn.api.backup.RestoreTableToPointInTimeRequest;
import io.modyn.api.backup.UpdateContinuousBackupsRequest;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.dynamodb.TableDescription;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.RestoreSummary;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.tables.TableArchive;
import io.modyn.api.tables.TableArchives;
import io.modyn.api.tables.TableRestore;
import io.modyn.backup.catalog.RecoveryCatalog;
import io.modyn.backup.catalog.RecoveryState;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Point-in-time recovery. Enabling it turns the table's change capture on (every later write adds
 * its history record in its own transaction, {@link ChangeHistory}) and then archives the table as
 * its base: the table as of any instant since is the base with, per item, its last change up to
 * that instant. A restore builds that state in a keyspace of its own and hands it to the engine as
 * an archive. Deleting a table with recovery on leaves a SYSTEM backup of its last state, as
 * DynamoDB does, kept {@value #DELETED_TABLE_BACKUP_DAYS} days.
 *
 * <p>The latest restorable time is one second behind now: a write's time is taken before it
 * commits, and a restore must not start before every write of its instant is visible. History is
 * kept from the base on; the recovery period limits how far back restores may go (history older
 * than the period is not yet folded into the base, so it takes space until recovery is disabled).
 */
final class ContinuousBackups {

    static final int DELETED_TABLE_BACKUP_DAYS = 35;
    private static final Logger LOG = Logger.getLogger(ContinuousBackups.class.getName());
    private static final Duration COMMIT_MARGIN = Duration.ofSeconds(1);

    private final TableArchives archives;
    private final BackupArns arns;
    private final BackupAccess access;
    private final RecoveryCatalog catalog;
    private final StorageEngine storage;
    private final ChangeHistory history;
    private final OnDemandBackups backups;

    ContinuousBackups(StorageEngine storage, TableArchives archives, BackupArns arns, BackupAccess access, OnDemandBackups backups) {
        this.storage = storage;
        this.archives = archives;
        this.arns = arns;
        this.access = access;
        this.backups = backups;
        this.catalog = new RecoveryCatalog(storage);
        this.history = new ChangeHistory(storage, this::tableDeleted);
    }

    ChangeHistory history() {
        return history;
    }

    ContinuousBackupsDescription describe(DescribeContinuousBackupsRequest request, RequestContext context) {
        new Violations().notNull("tableName", request.tableName()).name("tableName", request.tableName()).throwIfAny();
        access.require(context, "DescribeContinuousBackups", arns.table(request.tableName()));
        return describe(requireTable(request.tableName()), Instant.now());
    }

    ContinuousBackupsDescription update(UpdateContinuousBackupsRequest request, RequestContext context) {
        new Violations().notNull("tableName", request.tableName()).name("tableName", request.tableName())
                .notNull("pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled", request.pointInTimeRecoveryEnabled())
                .range("pointInTimeRecoverySpecification.recoveryPeriodInDays", request.recoveryPeriodInDays(), 1, 35).throwIfAny();
        access.require(context, "UpdateContinuousBackups", arns.table(request.tableName()));
        TableDescription table = requireTable(request.tableName());
        String tableId = table.definition().tableId();
        RecoveryState state = current(table);
        int days = request.recoveryPeriodInDays() == null ? 35 : request.recoveryPeriodInDays();
        if (Boolean.TRUE.equals(request.pointInTimeRecoveryEnabled())) {
            if (state != null) {
                catalog.put(new RecoveryState(state.tableName(), tableId, state.tableArn(), state.enabledAt(), days, state.baseKeyspace(),
                        state.manifest()));
            } else {
                enable(table, days);
            }
        } else if (request.recoveryPeriodInDays() != null) {
            throw DynamoException.validation("RecoveryPeriodInDays can only be set when PointInTimeRecoveryEnabled is true");
        } else {
            disable(request.tableName(), tableId);
        }
        return describe(table, Instant.now());
    }

    /** History first (capture writes into it from the moment it is on), then capture, then the base. */
    private void enable(TableDescription table, int days) {
        String name = table.definition().tableName();
        String tableId = table.definition().tableId();
        storage.dropKeyspace(RecoveryState.historyKeyspace(tableId));
        storage.dropKeyspace(RecoveryState.baseKeyspace(tableId));
        storage.createKeyspace(RecoveryState.historyKeyspace(tableId));
        archives.setChangeCapture(name, true);
        TableArchive base;
        try {
            base = archives.archive(name, RecoveryState.baseKeyspace(tableId));
        } catch (RuntimeException e) {
            // No base, no recovery: leave the table as it was (a table being created is TableInUse).
            archives.setChangeCapture(name, false);
            storage.dropKeyspace(RecoveryState.historyKeyspace(tableId));
            storage.dropKeyspace(RecoveryState.baseKeyspace(tableId));
            throw e;
        }
        catalog.put(new RecoveryState(name, tableId, table.tableArn(), base.archivedAt(), days, base.keyspace(), base.manifest()));
    }

    private void disable(String tableName, String tableId) {
        archives.setChangeCapture(tableName, false);
        catalog.remove(tableName);
        storage.dropKeyspace(RecoveryState.historyKeyspace(tableId));
        storage.dropKeyspace(RecoveryState.baseKeyspace(tableId));
    }

    RestoreTableResponse restore(RestoreTableToPointInTimeRequest request, RequestContext context) {
        String source = request.sourceTableName() != null ? request.sourceTableName() : BackupArns.tableNameOf(request.sourceTableArn());
        new Violations().notNull("targetTableName", request.targetTableName()).name("targetTableName", request.targetTableName())
                .name("sourceTableName", request.sourceTableName()).oneOf("billingModeOverride", request.billingModeOverride(),
                        OnDemandBackups.BILLING_MODES).throwIfAny();
        if (source == null) throw DynamoException.validation("Either SourceTableArn or SourceTableName must be specified");
        access.require(context, "RestoreTableToPointInTime", arns.table(source), arns.table(request.targetTableName()));
        TableDescription table = requireTable(source);
        RecoveryState state = current(table);
        if (state == null) {
            throw new DynamoException(ErrorType.POINT_IN_TIME_RECOVERY_UNAVAILABLE, "Point in time recovery is not enabled for table '" + source + "'");
        }
        if (archives.describe(request.targetTableName()) != null) {
            throw new DynamoException(ErrorType.TABLE_ALREADY_EXISTS, "Table already exists: " + request.targetTableName());
        }
        Instant now = Instant.now();
        PointInTimeRecoveryDescription window = describe(table, now).pointInTimeRecoveryDescription();
        Instant time = Boolean.TRUE.equals(request.useLatestRestorableTime()) ? window.latestRestorableDateTime() : request.restoreDateTime();
        if (time == null) throw DynamoException.validation("Either RestoreDateTime or UseLatestRestorableTime must be specified");
        if (time.isBefore(window.earliestRestorableDateTime()) || time.isAfter(window.latestRestorableDateTime())) {
            throw new DynamoException(ErrorType.INVALID_RESTORE_TIME, "Restore time must be between " + window.earliestRestorableDateTime()
                    + " and " + window.latestRestorableDateTime() + ": " + time);
        }
        String merged = "pitr.restore." + UUID.randomUUID();
        history.replay(state.baseKeyspace(), RecoveryState.historyKeyspace(state.tableId()), time.toEpochMilli(), merged);
        TableArchive base = archives.read(state.baseKeyspace(), state.manifest());
        TableArchive asOf = new TableArchive(merged, base.source(), time, state.manifest());
        TableRestore restore = new TableRestore(request.targetTableName(), asOf, request.billingModeOverride(),
                request.globalSecondaryIndexOverride(), request.localSecondaryIndexOverride(), request.provisionedThroughputOverride(),
                request.sseSpecificationOverride(), new RestoreSummary(null, table.tableArn(), time, true), true);
        return new RestoreTableResponse(archives.restore(restore));
    }

    /** A table with recovery on was deleted: its last state becomes a SYSTEM backup, its history goes. */
    private void tableDeleted(String tableName, String tableId) {
        RecoveryState state = catalog.get(tableName);
        if (state == null || !state.tableId().equals(tableId)) return;
        try {
            backups.recordFrom(state, keyspace -> history.replay(state.baseKeyspace(), RecoveryState.historyKeyspace(tableId), Long.MAX_VALUE,
                    keyspace), Instant.now().plus(Duration.ofDays(DELETED_TABLE_BACKUP_DAYS)));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The backup of deleted table " + tableName + " could not be made; its recovery history is kept", e);
            return;
        }
        catalog.remove(tableName);
        storage.dropKeyspace(RecoveryState.historyKeyspace(tableId));
        storage.dropKeyspace(RecoveryState.baseKeyspace(tableId));
    }

    private RecoveryState current(TableDescription table) {
        RecoveryState state = catalog.get(table.definition().tableName());
        return state != null && state.tableId().equals(table.definition().tableId()) ? state : null;
    }

    private ContinuousBackupsDescription describe(TableDescription table, Instant now) {
        RecoveryState state = current(table);
        if (state == null) {
            return new ContinuousBackupsDescription(ContinuousBackupsDescription.ENABLED,
                    new PointInTimeRecoveryDescription(ContinuousBackupsDescription.DISABLED, null, null, null));
        }
        Instant latest = now.minus(COMMIT_MARGIN);
        Instant earliest = state.enabledAt();
        Instant periodStart = now.minus(Duration.ofDays(state.recoveryPeriodInDays()));
        if (periodStart.isAfter(earliest)) earliest = periodStart;
        if (latest.isBefore(earliest)) latest = earliest;
        return new ContinuousBackupsDescription(ContinuousBackupsDescription.ENABLED, new PointInTimeRecoveryDescription(
                ContinuousBackupsDescription.ENABLED, earliest, latest, state.recoveryPeriodInDays()));
    }

    private TableDescription requireTable(String tableName) {
        TableDescription table = archives.describe(tableName);
        if (table == null) throw new DynamoException(ErrorType.TABLE_NOT_FOUND, "Table not found: " + tableName);
        return table;
    }

    static String deletedTableBackupName(String tableName) {
        return tableName + "$DeletedTableBackup";
    }

}
