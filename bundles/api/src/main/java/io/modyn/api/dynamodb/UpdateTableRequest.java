package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.ProvisionedThroughput;
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
        String tableClass) {

    /** A request with the members of the first release only. */
    public UpdateTableRequest(String tableName, List<AttributeDefinition> attributeDefinitions, String billingMode,
            ProvisionedThroughput provisionedThroughput) {
        this(tableName, attributeDefinitions, billingMode, provisionedThroughput, null, null, null, null);
    }
}
