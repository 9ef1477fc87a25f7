package io.modyn.api.model;

import java.time.Instant;
import java.util.List;

/**
 * The durable definition of a table: what CreateTable and UpdateTable decide.
 *
 * <p>The table id is a UUID fixed at creation; storage keyspaces are named after it, so a table
 * deleted and created again under the same name never sees the old data. {@code billingModeSummary}
 * is null for a table that was created with provisioned capacity and never changed mode, which is
 * when DynamoDB leaves it out of DescribeTable.
 */
public record TableDefinition(
        String tableName,
        String tableId,
        List<KeySchemaElement> keySchema,
        List<AttributeDefinition> attributeDefinitions,
        BillingModeSummary billingModeSummary,
        ProvisionedThroughputDescription provisionedThroughput,
        Instant creationDateTime,
        String tableStatus) {

    public static final String ACTIVE = "ACTIVE";
    public static final String CREATING = "CREATING";
    public static final String UPDATING = "UPDATING";
    public static final String DELETING = "DELETING";

    public TableDefinition {
        keySchema = List.copyOf(keySchema);
        attributeDefinitions = List.copyOf(attributeDefinitions);
    }

    /** The partition (HASH) key attribute's name. */
    public String partitionKeyName() {
        return keySchema.stream().filter(KeySchemaElement::isHash).findFirst().orElseThrow().attributeName();
    }

    /** The sort (RANGE) key attribute's name, or null for a table with a simple key. */
    public String sortKeyName() {
        return keySchema.stream().filter(k -> !k.isHash()).map(KeySchemaElement::attributeName).findFirst().orElse(null);
    }

    /** The declared type of a key attribute, or null if it is not declared. */
    public String attributeType(String attributeName) {
        return attributeDefinitions.stream()
                .filter(d -> d.attributeName().equals(attributeName))
                .map(AttributeDefinition::attributeType)
                .findFirst().orElse(null);
    }

    /** The billing mode in force: PROVISIONED unless the summary says otherwise. */
    public String billingMode() {
        return billingModeSummary == null ? BillingModeSummary.PROVISIONED : billingModeSummary.billingMode();
    }
}
