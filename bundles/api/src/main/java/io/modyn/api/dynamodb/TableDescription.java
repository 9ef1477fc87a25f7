package io.modyn.api.dynamodb;

import io.modyn.api.model.SseDescription;
import io.modyn.api.model.TableDefinition;
import java.util.Map;

/**
 * A table as DescribeTable, CreateTable, UpdateTable and DeleteTable return it.
 *
 * @param indexStatistics item count and size per secondary index name
 * @param latestStreamArn the ARN of the table's latest stream, or null if it never had one
 * @param sseDescription the table's encryption with a KMS key, or null for a table under the owned key
 */
public record TableDescription(
        TableDefinition definition, String tableArn, long itemCount, long tableSizeBytes, Map<String, IndexStatistics> indexStatistics,
        String latestStreamArn, SseDescription sseDescription) {

    public TableDescription {
        indexStatistics = indexStatistics == null ? Map.of() : Map.copyOf(indexStatistics);
    }

    /** A description of a table under the owned key. */
    public TableDescription(TableDefinition definition, String tableArn, long itemCount, long tableSizeBytes,
            Map<String, IndexStatistics> indexStatistics, String latestStreamArn) {
        this(definition, tableArn, itemCount, tableSizeBytes, indexStatistics, latestStreamArn, null);
    }

    /** A description of a table without indexes or stream. */
    public TableDescription(TableDefinition definition, String tableArn, long itemCount, long tableSizeBytes) {
        this(definition, tableArn, itemCount, tableSizeBytes, Map.of(), null);
    }
}
