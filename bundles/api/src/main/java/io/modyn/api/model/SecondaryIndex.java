package io.modyn.api.model;

import java.util.List;

/**
 * A global or local secondary index of a table. A global index's key schema may hold several
 * HASH and several RANGE elements (DynamoDB's multi-attribute keys), in key order.
 *
 * @param indexId a UUID fixed at creation; the index's storage keyspace is named after it
 * @param provisionedThroughput null for local indexes and for on-demand tables
 * @param indexStatus CREATING, ACTIVE, DELETING or UPDATING (global indexes)
 * @param backfilling true while a global index added by UpdateTable is being filled
 */
public record SecondaryIndex(
        String indexName,
        String indexId,
        List<KeySchemaElement> keySchema,
        IndexProjection projection,
        ProvisionedThroughputDescription provisionedThroughput,
        String indexStatus,
        boolean backfilling) {

    public SecondaryIndex {
        keySchema = List.copyOf(keySchema);
    }

    public List<String> partitionKeyNames() {
        return keySchema.stream().filter(KeySchemaElement::isHash).map(KeySchemaElement::attributeName).toList();
    }

    public List<String> sortKeyNames() {
        return keySchema.stream().filter(k -> !k.isHash()).map(KeySchemaElement::attributeName).toList();
    }
}
