package io.modyn.engine.operation;

import io.modyn.api.dynamodb.IndexStatistics;
import io.modyn.api.dynamodb.TableDescription;
import io.modyn.api.model.SecondaryIndex;
import io.modyn.api.model.SseDescription;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.KeyspaceStatistics;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.catalog.TableCatalog;
import io.modyn.engine.encryption.KeyRing;
import io.modyn.engine.encryption.SseSpecifications;
import io.modyn.engine.index.IndexBackfiller;
import io.modyn.engine.stream.StreamSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the TableDescription that the control-plane operations return. */
final class TableDescriptions {

    /** The status DynamoDB reports for a table whose KMS key is disabled, pending deletion or gone. */
    static final String INACCESSIBLE_ENCRYPTION_CREDENTIALS = "INACCESSIBLE_ENCRYPTION_CREDENTIALS";

    private TableDescriptions() {
    }

    /**
     * Describes a table from its definition and storage statistics. Describing a table whose new
     * global index awaits its backfill resumes the backfill when no one on this server runs it
     * (after a restart): clients waiting for the index poll DescribeTable.
     */
    static TableDescription describe(TableDefinition table, String status, StorageBinding.Bound bound, EngineSettings settings) {
        if (!TableDefinition.DELETING.equals(status)) IndexBackfiller.shared().resume(bound, table);
        KeyspaceStatistics stats = bound.storage().statistics(TableCatalog.dataKeyspace(table));
        Map<String, IndexStatistics> indexes = new LinkedHashMap<>();
        for (SecondaryIndex index : table.globalSecondaryIndexes()) indexes.put(index.indexName(), statistics(bound, index));
        for (SecondaryIndex index : table.localSecondaryIndexes()) indexes.put(index.indexName(), statistics(bound, index));
        String arn = settings.tableArn(table.tableName());
        KeyRing ring = bound.keys().checked(table.tableId());
        SseDescription sse = SseSpecifications.describe(ring, SseDescription.ENABLED);
        if (sse != null && sse.inaccessibleEncryptionDateTime() != null && TableDefinition.ACTIVE.equals(status)) {
            status = INACCESSIBLE_ENCRYPTION_CREDENTIALS;
        }
        return new TableDescription(withStatus(table, status), arn, stats.recordCount(), stats.sizeBytes(), indexes,
                StreamSettings.latestStreamArn(table, arn), sse);
    }

    /** The description UpdateTable returns for a change of the table's key: its encryption UPDATING. */
    static TableDescription withSseUpdating(TableDescription description) {
        SseDescription sse = description.sseDescription();
        if (sse == null) return description;
        return new TableDescription(description.definition(), description.tableArn(), description.itemCount(), description.tableSizeBytes(),
                description.indexStatistics(), description.latestStreamArn(),
                new SseDescription(SseDescription.UPDATING, sse.sseType(), sse.kmsMasterKeyArn(), sse.inaccessibleEncryptionDateTime()));
    }

    /** Describes a table that has no items (just created); its global indexes are CREATING, as the table is. */
    static TableDescription empty(TableDefinition table, String status, EngineSettings settings, SseDescription sse) {
        table = table.toBuilder().globalSecondaryIndexes(table.globalSecondaryIndexes().stream().map(TableDescriptions::creating).toList())
                .build();
        Map<String, IndexStatistics> indexes = new LinkedHashMap<>();
        table.globalSecondaryIndexes().forEach(index -> indexes.put(index.indexName(), new IndexStatistics(0, 0)));
        table.localSecondaryIndexes().forEach(index -> indexes.put(index.indexName(), new IndexStatistics(0, 0)));
        String arn = settings.tableArn(table.tableName());
        return new TableDescription(withStatus(table, status), arn, 0, 0, indexes, StreamSettings.latestStreamArn(table, arn), sse);
    }

    private static IndexStatistics statistics(StorageBinding.Bound bound, SecondaryIndex index) {
        KeyspaceStatistics stats = bound.storage().statistics(TableCatalog.indexKeyspace(index));
        return new IndexStatistics(stats.recordCount(), stats.sizeBytes());
    }

    private static SecondaryIndex creating(SecondaryIndex index) {
        return new SecondaryIndex(index.indexName(), index.indexId(), index.keySchema(), index.projection(), index.provisionedThroughput(),
                TableDefinition.CREATING, false);
    }

    private static TableDefinition withStatus(TableDefinition t, String status) {
        return t.toBuilder().tableStatus(status).build();
    }
}
