package io.modyn.protocol.json;

import io.modyn.api.backup.CreateBackupRequest;
import io.modyn.api.backup.DeleteBackupRequest;
import io.modyn.api.backup.DescribeBackupRequest;
import io.modyn.api.backup.DescribeContinuousBackupsRequest;
import io.modyn.api.backup.ListBackupsRequest;
import io.modyn.api.backup.RestoreTableFromBackupRequest;
import io.modyn.api.backup.RestoreTableToPointInTimeRequest;
import io.modyn.api.backup.UpdateContinuousBackupsRequest;
import io.modyn.api.dynamodb.SecondaryIndexRequest;
import io.modyn.api.model.ProvisionedThroughput;
import io.modyn.api.model.SseSpecification;
import java.time.Instant;
import java.util.List;

/**
 * Reads the backup requests: on-demand backups (CreateBackup, DescribeBackup, ListBackups,
 * DeleteBackup, RestoreTableFromBackup) and point-in-time recovery (UpdateContinuousBackups,
 * DescribeContinuousBackups, RestoreTableToPointInTime). Overrides of a restore have the shapes of
 * CreateTable's members and are read with the same readers.
 */
public final class BackupRequestReader {

    private BackupRequestReader() {
    }

    public static CreateBackupRequest createBackup(JsonInput in) {
        String tableName = null;
        String backupName = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "TableName" -> tableName = in.readString();
                case "BackupName" -> backupName = in.readString();
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new CreateBackupRequest(tableName, backupName);
    }

    public static DescribeBackupRequest describeBackup(JsonInput in) {
        return new DescribeBackupRequest(readBackupArn(in));
    }

    public static DeleteBackupRequest deleteBackup(JsonInput in) {
        return new DeleteBackupRequest(readBackupArn(in));
    }

    public static ListBackupsRequest listBackups(JsonInput in) {
        String tableName = null;
        Integer limit = null;
        Instant lower = null;
        Instant upper = null;
        String exclusiveStart = null;
        String backupType = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "TableName" -> tableName = in.readString();
                case "Limit" -> limit = in.readInteger();
                case "TimeRangeLowerBound" -> lower = in.readTimestamp();
                case "TimeRangeUpperBound" -> upper = in.readTimestamp();
                case "ExclusiveStartBackupArn" -> exclusiveStart = in.readString();
                case "BackupType" -> backupType = in.readString();
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new ListBackupsRequest(tableName, limit, lower, upper, exclusiveStart, backupType);
    }

    public static RestoreTableFromBackupRequest restoreTableFromBackup(JsonInput in) {
        String target = null;
        String backupArn = null;
        Overrides o = new Overrides();
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "TargetTableName" -> target = in.readString();
                case "BackupArn" -> backupArn = in.readString();
                default -> o.read(in);
            }
        }
        in.endRequest();
        return new RestoreTableFromBackupRequest(target, backupArn, o.billingMode, o.globals, o.locals, o.throughput, o.sse);
    }

    public static RestoreTableToPointInTimeRequest restoreTableToPointInTime(JsonInput in) {
        String sourceArn = null;
        String sourceName = null;
        String target = null;
        Boolean latest = null;
        Instant time = null;
        Overrides o = new Overrides();
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "SourceTableArn" -> sourceArn = in.readString();
                case "SourceTableName" -> sourceName = in.readString();
                case "TargetTableName" -> target = in.readString();
                case "UseLatestRestorableTime" -> latest = in.readBoolean();
                case "RestoreDateTime" -> time = in.readTimestamp();
                default -> o.read(in);
            }
        }
        in.endRequest();
        return new RestoreTableToPointInTimeRequest(sourceArn, sourceName, target, latest, time, o.billingMode, o.globals, o.locals,
                o.throughput, o.sse);
    }

    public static UpdateContinuousBackupsRequest updateContinuousBackups(JsonInput in) {
        String tableName = null;
        Boolean enabled = null;
        Integer days = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "TableName" -> tableName = in.readString();
                case "PointInTimeRecoverySpecification" -> {
                    if (in.beginStruct("PointInTimeRecoverySpecification", JsonInput.Placement.FIELD)) {
                        while (in.nextMember()) {
                            switch (in.memberName()) {
                                case "PointInTimeRecoveryEnabled" -> enabled = in.readBoolean();
                                case "RecoveryPeriodInDays" -> days = in.readInteger();
                                default -> in.skipValue();
                            }
                        }
                    }
                }
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new UpdateContinuousBackupsRequest(tableName, enabled, days);
    }

    public static DescribeContinuousBackupsRequest describeContinuousBackups(JsonInput in) {
        String tableName = null;
        in.beginRequest();
        while (in.nextMember()) {
            if (in.memberName().equals("TableName")) {
                tableName = in.readString();
            } else {
                in.skipValue();
            }
        }
        in.endRequest();
        return new DescribeContinuousBackupsRequest(tableName);
    }

    private static String readBackupArn(JsonInput in) {
        String backupArn = null;
        in.beginRequest();
        while (in.nextMember()) {
            if (in.memberName().equals("BackupArn")) {
                backupArn = in.readString();
            } else {
                in.skipValue();
            }
        }
        in.endRequest();
        return backupArn;
    }

    /** The override members both restores take. */
    private static final class Overrides {
        String billingMode;
        List<SecondaryIndexRequest> globals;
        List<SecondaryIndexRequest> locals;
        ProvisionedThroughput throughput;
        SseSpecification sse;

        void read(JsonInput in) {
            switch (in.memberName()) {
                case "BillingModeOverride" -> billingMode = in.readString();
                case "GlobalSecondaryIndexOverride" -> globals = IndexRequestReader.readGlobalSecondaryIndexes(in);
                case "LocalSecondaryIndexOverride" -> locals = IndexRequestReader.readLocalSecondaryIndexes(in);
                case "ProvisionedThroughputOverride" -> throughput = TableRequestReader.readProvisionedThroughput(in);
                case "SSESpecificationOverride" -> sse = TableRequestReader.readSseSpecification(in);
                default -> in.skipValue();
            }
        }
    }
}
