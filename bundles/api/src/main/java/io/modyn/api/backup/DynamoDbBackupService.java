package io.modyn.api.backup;

import io.modyn.api.dynamodb.RequestContext;
import org.osgi.annotation.versioning.ProviderType;

/**
 * DynamoDB's backup operations: on-demand backups (CreateBackup, DescribeBackup, ListBackups,
 * DeleteBackup, RestoreTableFromBackup) and point-in-time recovery (UpdateContinuousBackups,
 * DescribeContinuousBackups, RestoreTableToPointInTime). The protocol routes
 * {@code DynamoDB_20120810.<Operation>} to it while one is registered, and answers
 * UnknownOperationException while none is, as a server without backups would.
 *
 * <p>Each method validates its request with DynamoDB's messages, asks the authorizer, and throws
 * {@link io.modyn.api.model.DynamoException} with DynamoDB's error types.
 */
@ProviderType
public interface DynamoDbBackupService {

    CreateBackupResponse createBackup(CreateBackupRequest request, RequestContext context);

    DescribeBackupResponse describeBackup(DescribeBackupRequest request, RequestContext context);

    ListBackupsResponse listBackups(ListBackupsRequest request, RequestContext context);

    DeleteBackupResponse deleteBackup(DeleteBackupRequest request, RequestContext context);

    RestoreTableResponse restoreTableFromBackup(RestoreTableFromBackupRequest request, RequestContext context);

    ContinuousBackupsDescription updateContinuousBackups(UpdateContinuousBackupsRequest request, RequestContext context);

    ContinuousBackupsDescription describeContinuousBackups(DescribeContinuousBackupsRequest request, RequestContext context);

    RestoreTableResponse restoreTableToPointInTime(RestoreTableToPointInTimeRequest request, RequestContext context);
}
