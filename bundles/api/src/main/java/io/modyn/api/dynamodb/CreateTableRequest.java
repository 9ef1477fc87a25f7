package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.ProvisionedThroughput;
import io.modyn.api.model.SseSpecification;
import io.modyn.api.model.StreamSpecification;
import java.util.List;

/** Unset members are null. ResourcePolicy is the policy document to attach to the new table. */
public record CreateTableRequest(
        String tableName,
        List<AttributeDefinition> attributeDefinitions,
        List<KeySchemaElement> keySchema,
        String billingMode,
        ProvisionedThroughput provisionedThroughput,
        List<SecondaryIndexRequest> localSecondaryIndexes,
        List<SecondaryIndexRequest> globalSecondaryIndexes,
        StreamSpecification streamSpecification,
        List<Tag> tags,
        String tableClass,
        Boolean deletionProtectionEnabled,
        String resourcePolicy,
        SseSpecification sseSpecification) {

    /** A request without an SSESpecification (the members before 1.6). */
    public CreateTableRequest(String tableName, List<AttributeDefinition> attributeDefinitions, List<KeySchemaElement> keySchema,
            String billingMode, ProvisionedThroughput provisionedThroughput, List<SecondaryIndexRequest> localSecondaryIndexes,
            List<SecondaryIndexRequest> globalSecondaryIndexes, StreamSpecification streamSpecification, List<Tag> tags,
            String tableClass, Boolean deletionProtectionEnabled, String resourcePolicy) {
        this(tableName, attributeDefinitions, keySchema, billingMode, provisionedThroughput, localSecondaryIndexes,
                globalSecondaryIndexes, streamSpecification, tags, tableClass, deletionProtectionEnabled, resourcePolicy, null);
    }

    /** A request without ResourcePolicy and SSESpecification (the members before 1.5). */
    public CreateTableRequest(String tableName, List<AttributeDefinition> attributeDefinitions, List<KeySchemaElement> keySchema,
            String billingMode, ProvisionedThroughput provisionedThroughput, List<SecondaryIndexRequest> localSecondaryIndexes,
            List<SecondaryIndexRequest> globalSecondaryIndexes, StreamSpecification streamSpecification, List<Tag> tags,
            String tableClass, Boolean deletionProtectionEnabled) {
        this(tableName, attributeDefinitions, keySchema, billingMode, provisionedThroughput, localSecondaryIndexes,
                globalSecondaryIndexes, streamSpecification, tags, tableClass, deletionProtectionEnabled, null, null);
    }

    /** A request with the members of the first release only. */
    public CreateTableRequest(String tableName, List<AttributeDefinition> attributeDefinitions, List<KeySchemaElement> keySchema,
            String billingMode, ProvisionedThroughput provisionedThroughput) {
        this(tableName, attributeDefinitions, keySchema, billingMode, provisionedThroughput, null, null, null, null, null, null, null, null);
    }
}
