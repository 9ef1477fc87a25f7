package io.modyn.api.backup;

import io.modyn.api.dynamodb.SecondaryIndexRequest;
import io.modyn.api.model.ProvisionedThroughput;
import io.modyn.api.model.SseSpecification;
import java.time.Instant;
import java.util.List;

/**
 * RestoreTableToPointInTime; unset members are null. The source is named by ARN or by name, the
 * time by {@code restoreDateTime} or {@code useLatestRestorableTime}.
 */
public record RestoreTableToPointInTimeRequest(String sourceTableArn, String sourceTableName, String targetTableName,
        Boolean useLatestRestorableTime, Instant restoreDateTime, String billingModeOverride,
        List<SecondaryIndexRequest> globalSecondaryIndexOverride, List<SecondaryIndexRequest> localSecondaryIndexOverride,
        ProvisionedThroughput provisionedThroughputOverride, SseSpecification sseSpecificationOverride) {
}
