package io.modyn.engine.stream;

import io.modyn.api.model.TableDefinition;
import io.modyn.engine.StorageBinding;

/**
 * Streams as resources other features attach things to (resource-based policies): whether the
 * stream a table name and label name exists, and the id of the table it belongs to, which
 * outlives a table of the same name created later.
 *
 * <p>A stream exists once it recorded something (the registry keeps it until retention removes
 * it) or while it is its table's latest stream. Unlike {@link StreamDirectory}, the latest stream
 * of a table whose stream was disabled more than a retention ago still counts: it holds nothing,
 * and DescribeStream answers for it until the table gets a newer stream.
 */
public final class StreamResources {

    private StreamResources() {
    }

    /** Whether a label has the form of the labels this server issues. */
    public static boolean isLabel(String label) {
        return label != null && StreamLabels.isWellFormed(label);
    }

    /** The id of the table the stream belongs to, or null when there is no such stream. */
    public static String tableIdOf(StorageBinding.Bound bound, String tableName, String label) {
        if (bound.storage().keyspaceExists(StreamRegistry.KEYSPACE)) {
            StreamInfo recorded = StreamRegistry.find(bound.storage(), new StreamKey(tableName, label));
            if (recorded != null) return recorded.tableId();
        }
        TableDefinition table = bound.catalog().find(tableName);
        return table != null && label.equals(table.latestStreamLabel()) ? table.tableId() : null;
    }
}
