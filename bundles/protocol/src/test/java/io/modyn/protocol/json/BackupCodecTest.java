package io.modyn.protocol.json;

import static io.modyn.protocol.json.CodecFixture.read;
import static io.modyn.protocol.json.CodecFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modyn.api.backup.BackupDetails;
import io.modyn.api.backup.BackupSummary;
import io.modyn.api.backup.ContinuousBackupsDescription;
import io.modyn.api.backup.CreateBackupResponse;
import io.modyn.api.backup.ListBackupsRequest;
import io.modyn.api.backup.ListBackupsResponse;
import io.modyn.api.backup.PointInTimeRecoveryDescription;
import io.modyn.api.backup.RestoreTableFromBackupRequest;
import io.modyn.api.backup.RestoreTableToPointInTimeRequest;
import io.modyn.api.backup.UpdateContinuousBackupsRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The backup operations' JSON: timestamps as epoch seconds with a fraction, members named and nested as DynamoDB's. */
class BackupCodecTest {

    private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/t/backup/01576616366715-b4e58d3a";

    @Test
    void listBackupsReadsTimeBoundsAsEpochSeconds() {
        assertEquals(new ListBackupsRequest("t", 5, Instant.ofEpochMilli(1576616366715L), Instant.ofEpochSecond(1576616400), ARN, "ALL"),
                read(BackupRequestReader::listBackups, "{\"TableName\":\"t\",\"Limit\":5,\"TimeRangeLowerBound\":1576616366.715,"
                        + "\"TimeRangeUpperBound\":1576616400,\"ExclusiveStartBackupArn\":\"" + ARN + "\",\"BackupType\":\"ALL\"}"));
    }

    @Test
    void restoresReadTheirOverrides() {
        RestoreTableFromBackupRequest fromBackup = read(BackupRequestReader::restoreTableFromBackup, "{\"TargetTableName\":\"t2\","
                + "\"BackupArn\":\"" + ARN + "\",\"BillingModeOverride\":\"PROVISIONED\",\"GlobalSecondaryIndexOverride\":[],"
                + "\"ProvisionedThroughputOverride\":{\"ReadCapacityUnits\":3,\"WriteCapacityUnits\":4},"
                + "\"SSESpecificationOverride\":{\"Enabled\":true,\"SSEType\":\"KMS\"}}");
        assertEquals("t2", fromBackup.targetTableName());
        assertEquals(List.of(), fromBackup.globalSecondaryIndexOverride());
        assertNull(fromBackup.localSecondaryIndexOverride());
        assertEquals(4L, fromBackup.provisionedThroughputOverride().writeCapacityUnits());
        assertEquals("KMS", fromBackup.sseSpecificationOverride().sseType());
        RestoreTableToPointInTimeRequest toTime = read(BackupRequestReader::restoreTableToPointInTime,
                "{\"SourceTableName\":\"t\",\"TargetTableName\":\"t3\",\"RestoreDateTime\":1700000000.5}");
        assertEquals(Instant.ofEpochSecond(1700000000, 500_000_000), toTime.restoreDateTime());
        assertEquals(new UpdateContinuousBackupsRequest("t", true, 7), read(BackupRequestReader::updateContinuousBackups,
                "{\"TableName\":\"t\",\"PointInTimeRecoverySpecification\":{\"PointInTimeRecoveryEnabled\":true,\"RecoveryPeriodInDays\":7}}"));
    }

    @Test
    void answersAreWrittenAsDynamoDbWritesThem() {
        BackupDetails details = new BackupDetails(ARN, "b1", 10L, "CREATING", "USER", Instant.ofEpochMilli(1576616366715L), null);
        assertEquals("{\"BackupDetails\":{\"BackupArn\":\"" + ARN + "\",\"BackupName\":\"b1\",\"BackupSizeBytes\":10,"
                + "\"BackupStatus\":\"CREATING\",\"BackupType\":\"USER\",\"BackupCreationDateTime\":1576616366.715}}",
                write(BackupResponseWriter::createBackup, new CreateBackupResponse(details)));
        BackupSummary summary = new BackupSummary("t", "id", "arn:t", ARN, "b1", Instant.ofEpochSecond(1), null, "AVAILABLE", "USER", 0L);
        assertEquals("{\"BackupSummaries\":[{\"TableName\":\"t\",\"TableId\":\"id\",\"TableArn\":\"arn:t\",\"BackupArn\":\"" + ARN
                + "\",\"BackupName\":\"b1\",\"BackupCreationDateTime\":1.000,\"BackupStatus\":\"AVAILABLE\",\"BackupType\":\"USER\","
                + "\"BackupSizeBytes\":0}],\"LastEvaluatedBackupArn\":\"" + ARN + "\"}",
                write(BackupResponseWriter::listBackups, new ListBackupsResponse(List.of(summary), ARN)));
        assertEquals("{\"ContinuousBackupsDescription\":{\"ContinuousBackupsStatus\":\"ENABLED\",\"PointInTimeRecoveryDescription\":"
                + "{\"PointInTimeRecoveryStatus\":\"DISABLED\"}}}", write(BackupResponseWriter::continuousBackups,
                new ContinuousBackupsDescription("ENABLED", new PointInTimeRecoveryDescription("DISABLED", null, null, null))));
    }
}
