package io.modyn.api.dynamodb;

import io.modyn.api.model.TableDefinition;
import java.util.Map;

/**
 * A table as DescribeTable, CreateTable, UpdateTable and DeleteTable return it.
 *
 * @param indexStatistics item count and size per secondary index name
 * @param latestStreamArn the ARN of the table's latest stream, or null if it never had one
 */
public record TableDescription(
        TableDefinition definition, String tableArn, long itemCount, long tableSizeBytes, Map<String, IndexStatistics> indexStatistics,
        String latestStreamArn) {

    public TableDescription {
        indexStatistics = indexStatistics == null ? Map.of() : Map.copyOf(indexStatistics);
    }

    /** A description of a table without indexes or stream. */
    public TableDescription(TableDefinition definition, String tableArn, long itemCount, long tableSizeBytes) {
        this(definition, tableArn, itemCount, tableSizeBytes, Map.of(), null);
    }
}
