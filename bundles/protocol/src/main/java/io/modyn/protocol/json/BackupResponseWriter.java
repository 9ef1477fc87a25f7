package io.modyn.protocol.json;

import io.modyn.api.backup.BackupDescription;
import io.modyn.api.backup.BackupDetails;
import io.modyn.api.backup.BackupSummary;
import io.modyn.api.backup.ContinuousBackupsDescription;
import io.modyn.api.backup.CreateBackupResponse;
import io.modyn.api.backup.DeleteBackupResponse;
import io.modyn.api.backup.DescribeBackupResponse;
import io.modyn.api.backup.ListBackupsResponse;
import io.modyn.api.backup.PointInTimeRecoveryDescription;
import io.modyn.api.backup.RestoreTableResponse;
import io.modyn.api.backup.SourceTableDetails;
import io.modyn.api.backup.SourceTableFeatureDetails;
import io.modyn.api.model.ProvisionedThroughput;
import io.modyn.api.model.SecondaryIndex;
import io.modyn.api.model.StreamSpecification;
import io.modyn.api.model.TimeToLiveDescription;
import jakarta.json.stream.JsonGenerator;
import java.util.List;

/**
 * Writes the answers of the backup operations {@link BackupRequestReader} reads, member names and
 * nesting as DynamoDB's; null members and empty feature lists are left out.
 */
public final class BackupResponseWriter {

    private BackupResponseWriter() {
    }

    public static void createBackup(JsonGenerator out, CreateBackupResponse response) {
        out.writeStartObject();
        writeDetails(out, response.backupDetails());
        out.writeEnd();
    }

    public static void describeBackup(JsonGenerator out, DescribeBackupResponse response) {
        out.writeStartObject();
        writeDescription(out, response.backupDescription());
        out.writeEnd();
    }

    public static void deleteBackup(JsonGenerator out, DeleteBackupResponse response) {
        out.writeStartObject();
        writeDescription(out, response.backupDescription());
        out.writeEnd();
    }

    public static void listBackups(JsonGenerator out, ListBackupsResponse response) {
        out.writeStartObject();
        out.writeStartArray("BackupSummaries");
        for (BackupSummary s : response.backupSummaries()) {
            out.writeStartObject();
            writeIfPresent(out, "TableName", s.tableName());
            writeIfPresent(out, "TableId", s.tableId());
            writeIfPresent(out, "TableArn", s.tableArn());
            writeIfPresent(out, "BackupArn", s.backupArn());
            writeIfPresent(out, "BackupName", s.backupName());
            Timestamps.write(out, "BackupCreationDateTime", s.backupCreationDateTime());
            Timestamps.write(out, "BackupExpiryDateTime", s.backupExpiryDateTime());
            writeIfPresent(out, "BackupStatus", s.backupStatus());
            writeIfPresent(out, "BackupType", s.backupType());
            if (s.backupSizeBytes() != null) out.write("BackupSizeBytes", s.backupSizeBytes());
            out.writeEnd();
        }
        out.writeEnd();
        writeIfPresent(out, "LastEvaluatedBackupArn", response.lastEvaluatedBackupArn());
        out.writeEnd();
    }

    public static void restoreTable(JsonGenerator out, RestoreTableResponse response) {
        out.writeStartObject();
        TableDescriptionWriter.write(out, "TableDescription", response.tableDescription());
        out.writeEnd();
    }

    public static void continuousBackups(JsonGenerator out, ContinuousBackupsDescription description) {
        out.writeStartObject();
        out.writeStartObject("ContinuousBackupsDescription");
        out.write("ContinuousBackupsStatus", description.continuousBackupsStatus());
        PointInTimeRecoveryDescription pitr = description.pointInTimeRecoveryDescription();
        if (pitr != null) {
            out.writeStartObject("PointInTimeRecoveryDescription");
            out.write("PointInTimeRecoveryStatus", pitr.pointInTimeRecoveryStatus());
            if (pitr.recoveryPeriodInDays() != null) out.write("RecoveryPeriodInDays", pitr.recoveryPeriodInDays());
            Timestamps.write(out, "EarliestRestorableDateTime", pitr.earliestRestorableDateTime());
            Timestamps.write(out, "LatestRestorableDateTime", pitr.latestRestorableDateTime());
            out.writeEnd();
        }
        out.writeEnd();
        out.writeEnd();
    }

    private static void writeDetails(JsonGenerator out, BackupDetails d) {
        out.writeStartObject("BackupDetails");
        writeIfPresent(out, "BackupArn", d.backupArn());
        writeIfPresent(out, "BackupName", d.backupName());
        if (d.backupSizeBytes() != null) out.write("BackupSizeBytes", d.backupSizeBytes());
        writeIfPresent(out, "BackupStatus", d.backupStatus());
        writeIfPresent(out, "BackupType", d.backupType());
        Timestamps.write(out, "BackupCreationDateTime", d.backupCreationDateTime());
        Timestamps.write(out, "BackupExpiryDateTime", d.backupExpiryDateTime());
        out.writeEnd();
    }

    private static void writeDescription(JsonGenerator out, BackupDescription description) {
        out.writeStartObject("BackupDescription");
        writeDetails(out, description.backupDetails());
        SourceTableDetails t = description.sourceTableDetails();
        if (t != null) {
            out.writeStartObject("SourceTableDetails");
            writeIfPresent(out, "TableName", t.tableName());
            writeIfPresent(out, "TableId", t.tableId());
            writeIfPresent(out, "TableArn", t.tableArn());
            out.write("TableSizeBytes", t.tableSizeBytes());
            TableDescriptionWriter.writeKeySchema(out, t.keySchema());
            Timestamps.write(out, "TableCreationDateTime", t.tableCreationDateTime());
            writeThroughput(out, t.provisionedThroughput());
            out.write("ItemCount", t.itemCount());
            writeIfPresent(out, "BillingMode", t.billingMode());
            out.writeEnd();
        }
        SourceTableFeatureDetails f = description.sourceTableFeatureDetails();
        if (f != null) {
            out.writeStartObject("SourceTableFeatureDetails");
            writeIndexes(out, "LocalSecondaryIndexes", f.localSecondaryIndexes(), false);
            writeIndexes(out, "GlobalSecondaryIndexes", f.globalSecondaryIndexes(), true);
            StreamSpecification stream = f.streamDescription();
            if (stream != null && Boolean.TRUE.equals(stream.streamEnabled())) {
                out.writeStartObject("StreamDescription");
                out.write("StreamEnabled", true);
                writeIfPresent(out, "StreamViewType", stream.streamViewType());
                out.writeEnd();
            }
            TimeToLiveDescription ttl = f.timeToLiveDescription();
            if (ttl != null) {
                out.writeStartObject("TimeToLiveDescription");
                writeIfPresent(out, "TimeToLiveStatus", ttl.timeToLiveStatus());
                writeIfPresent(out, "AttributeName", ttl.attributeName());
                out.writeEnd();
            }
            TableDescriptionWriter.writeSseDescription(out, f.sseDescription());
            out.writeEnd();
        }
        out.writeEnd();
    }

    private static void writeIndexes(JsonGenerator out, String name, List<SecondaryIndex> indexes, boolean global) {
        if (indexes.isEmpty()) return;
        out.writeStartArray(name);
        for (SecondaryIndex index : indexes) {
            out.writeStartObject();
            IndexDescriptionWriter.writeDefinition(out, index);
            if (global && index.provisionedThroughput() != null) {
                writeThroughput(out, new ProvisionedThroughput(index.provisionedThroughput().readCapacityUnits(),
                        index.provisionedThroughput().writeCapacityUnits()));
            }
            out.writeEnd();
        }
        out.writeEnd();
    }

    private static void writeThroughput(JsonGenerator out, ProvisionedThroughput throughput) {
        if (throughput == null) return;
        out.writeStartObject("ProvisionedThroughput");
        if (throughput.readCapacityUnits() != null) out.write("ReadCapacityUnits", throughput.readCapacityUnits());
        if (throughput.writeCapacityUnits() != null) out.write("WriteCapacityUnits", throughput.writeCapacityUnits());
        out.writeEnd();
    }

    private static void writeIfPresent(JsonGenerator out, String name, String value) {
        if (value != null) out.write(name, value);
    }
}
