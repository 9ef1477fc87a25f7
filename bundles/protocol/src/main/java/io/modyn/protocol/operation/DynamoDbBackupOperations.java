package io.modyn.protocol.operation;

import io.modyn.api.backup.DynamoDbBackupService;
import io.modyn.protocol.json.BackupRequestReader;
import io.modyn.protocol.json.BackupResponseWriter;
import java.util.List;

/**
 * The backup operations of the DynamoDB API ({@code DynamoDB_20120810.<Operation>}), run by a
 * {@link DynamoDbBackupService} when one is bound. Without one they are unknown operations, as
 * they were before a backup bundle existed, not a retryable 503: a server assembled without
 * backups does not offer them.
 */
public final class DynamoDbBackupOperations {

    private static final List<Operation<DynamoDbBackupService, ?, ?>> ALL = List.of(
            new Operation<>("CreateBackup", BackupRequestReader::createBackup, DynamoDbBackupService::createBackup,
                    BackupResponseWriter::createBackup),
            new Operation<>("DescribeBackup", BackupRequestReader::describeBackup, DynamoDbBackupService::describeBackup,
                    BackupResponseWriter::describeBackup),
            new Operation<>("ListBackups", BackupRequestReader::listBackups, DynamoDbBackupService::listBackups,
                    BackupResponseWriter::listBackups),
            new Operation<>("DeleteBackup", BackupRequestReader::deleteBackup, DynamoDbBackupService::deleteBackup,
                    BackupResponseWriter::deleteBackup),
            new Operation<>("RestoreTableFromBackup", BackupRequestReader::restoreTableFromBackup,
                    DynamoDbBackupService::restoreTableFromBackup, BackupResponseWriter::restoreTable),
            new Operation<>("UpdateContinuousBackups", BackupRequestReader::updateContinuousBackups,
                    DynamoDbBackupService::updateContinuousBackups, BackupResponseWriter::continuousBackups),
            new Operation<>("DescribeContinuousBackups", BackupRequestReader::describeContinuousBackups,
                    DynamoDbBackupService::describeContinuousBackups, BackupResponseWriter::continuousBackups),
            new Operation<>("RestoreTableToPointInTime", BackupRequestReader::restoreTableToPointInTime,
                    DynamoDbBackupService::restoreTableToPointInTime, BackupResponseWriter::restoreTable));

    private DynamoDbBackupOperations() {
    }

    static List<Operation<DynamoDbBackupService, ?, ?>> all() {
        return ALL;
    }
}
