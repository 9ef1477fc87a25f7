package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.ProvisionedThroughput;
import java.util.List;

public record CreateTableRequest(
        String tableName,
        List<AttributeDefinition> attributeDefinitions,
        List<KeySchemaElement> keySchema,
        String billingMode,
        ProvisionedThroughput provisionedThroughput) {
}
