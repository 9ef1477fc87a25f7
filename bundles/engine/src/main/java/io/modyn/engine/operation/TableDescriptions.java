package io.modyn.engine.operation;

import io.modyn.api.dynamodb.TableDescription;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.KeyspaceStatistics;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.catalog.TableCatalog;

/** Builds the TableDescription that the control-plane operations return. */
final class TableDescriptions {

    private TableDescriptions() {
    }

    static TableDescription describe(TableDefinition table, String status, StorageBinding.Bound bound, EngineSettings settings) {
        KeyspaceStatistics stats = bound.storage().statistics(TableCatalog.dataKeyspace(table));
        return new TableDescription(withStatus(table, status), settings.tableArn(table.tableName()), stats.recordCount(), stats.sizeBytes());
    }

    /** Describes a table that has no items (just created, or just deleted). */
    static TableDescription empty(TableDefinition table, String status, EngineSettings settings) {
        return new TableDescription(withStatus(table, status), settings.tableArn(table.tableName()), 0, 0);
    }

    private static TableDefinition withStatus(TableDefinition t, String status) {
        return new TableDefinition(t.tableName(), t.tableId(), t.keySchema(), t.attributeDefinitions(), t.billingModeSummary(),
                t.provisionedThroughput(), t.creationDateTime(), status);
    }
}
