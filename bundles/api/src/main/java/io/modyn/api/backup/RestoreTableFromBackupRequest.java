package io.modyn.api.backup;

import io.modyn.api.dynamodb.SecondaryIndexRequest;
import io.modyn.api.model.ProvisionedThroughput;
import io.modyn.api.model.SseSpecification;
import java.util.List;

/** RestoreTableFromBackup; unset members are null (the backup's table settings then apply). */
public record RestoreTableFromBackupRequest(String targetTableName, String backupArn, String billingModeOverride,
        List<SecondaryIndexRequest> globalSecondaryIndexOverride, List<SecondaryIndexRequest> localSecondaryIndexOverride,
        ProvisionedThroughput provisionedThroughputOverride, SseSpecification sseSpecificationOverride) {
}
