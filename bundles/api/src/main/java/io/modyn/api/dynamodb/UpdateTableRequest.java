package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.ProvisionedThroughput;
import io.modyn.api.model.SseSpecification;
import io.modyn.api.model.StreamSpecification;
import java.util.List;

/** Unset members are null. */
public record UpdateTableRequest(
        String tableName,
        List<AttributeDefinition> attributeDefinitions,
        String billingMode,
        ProvisionedThroughput provisionedThroughput,
        List<GlobalSecondaryIndexUpdate> globalSecondaryIndexUpdates,
        StreamSpecification streamSpecification,
        Boolean deletionProtectionEnabled,
        String tableClass,
        SseSpecification sseSpecification) {

    /** A request without an SSESpecification. */
    public UpdateTableRequest(String tableName, List<AttributeDefinition> attributeDefinitions, String billingMode,
            ProvisionedThroughput provisionedThroughput, List<GlobalSecondaryIndexUpdate> globalSecondaryIndexUpdates,
            StreamSpecification streamSpecification, Boolean deletionProtectionEnabled, String tableClass) {
        this(tableName, attributeDefinitions, billingMode, provisionedThroughput, globalSecondaryIndexUpdates, streamSpecification,
                deletionProtectionEnabled, tableClass, null);
    }

    /** A request with the members of the first release only. */
    public UpdateTableRequest(String tableName, List<AttributeDefinition> attributeDefinitions, String billingMode,
            ProvisionedThroughput provisionedThroughput) {
        this(tableName, attributeDefinitions, billingMode, provisionedThroughput, null, null, null, null, null);
    }
}
