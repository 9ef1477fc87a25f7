package io.modyn.api.backup;

import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.ProvisionedThroughput;
import java.time.Instant;
import java.util.List;

/**
 * A backup's {@code SourceTableDetails}: the table as it was when the backup was made.
 *
 * @param provisionedThroughput the table's capacity units (zeros for an on-demand table, as DynamoDB reports them)
 * @param billingMode {@code PROVISIONED} or {@code PAY_PER_REQUEST}
 */
public record SourceTableDetails(String tableName, String tableId, String tableArn, long tableSizeBytes, List<KeySchemaElement> keySchema,
        Instant tableCreationDateTime, ProvisionedThroughput provisionedThroughput, long itemCount, String billingMode) {
}
