package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.ProvisionedThroughput;
import java.util.List;

public record UpdateTableRequest(
        String tableName,
        List<AttributeDefinition> attributeDefinitions,
        String billingMode,
        ProvisionedThroughput provisionedThroughput) {
}
