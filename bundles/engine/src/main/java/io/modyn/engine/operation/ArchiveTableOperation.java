package io.modyn.engine.operation;

import io.modyn.api.dynamodb.TableDescription;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.KeyspaceNotFoundException;
import io.modyn.api.tables.TableArchive;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.catalog.ArchiveManifest;
import io.modyn.engine.catalog.TableCatalog;
import java.time.Instant;
import java.util.Map;

/**
 * A table's items copied as of one instant into a keyspace of the caller's
 * ({@link io.modyn.api.storage.StorageEngine#copyKeyspaces}), for backups. Only the items are
 * copied: index entries are derived data, which a restore rebuilds for the indexes it is asked
 * for. The values stay as stored (sealed under the table's key when it has one), bound to the
 * table's data keyspace, which the manifest names through the definition.
 */
public final class ArchiveTableOperation {

    private final EngineSettings settings;

    public ArchiveTableOperation(EngineSettings settings) {
        this.settings = settings;
    }

    /** The table's description now, or null if there is no such table. */
    public TableDescription describe(String tableName, StorageBinding.Bound bound) {
        TableDefinition table = bound.catalog().reload(tableName);
        return table == null ? null : TableDescriptions.describe(table, table.tableStatus(), bound, settings);
    }

    public TableArchive archive(String tableName, String keyspace, StorageBinding.Bound bound) {
        if (keyspace.startsWith("table.") || keyspace.startsWith("index.") || keyspace.startsWith("stream.")
                || keyspace.startsWith("collections.")) {
            throw new IllegalArgumentException("archive keyspace " + keyspace + " would be taken for a table's own");
        }
        TableDefinition table = bound.catalog().reload(tableName);
        if (table == null) throw notFound(tableName);
        if (!TableDefinition.ACTIVE.equals(table.tableStatus())) {
            throw new DynamoException(ErrorType.TABLE_IN_USE, "Table is being created or updated: " + tableName);
        }
        TableDescription source = TableDescriptions.describe(table, table.tableStatus(), bound, settings);
        Instant archivedAt = Instant.now();
        try {
            bound.storage().copyKeyspaces(Map.of(TableCatalog.dataKeyspace(table), keyspace));
        } catch (KeyspaceNotFoundException e) {
            throw notFound(tableName); // deleted since its definition was read
        }
        return new TableArchive(keyspace, source, archivedAt, ArchiveManifest.encode(source, archivedAt));
    }

    /**
     * Turns the table's change capture on or off by changing its definition, which fences every
     * write computed from the old one: from the moment this returns, all writes capture (or none).
     */
    public void setChangeCapture(String tableName, boolean on, StorageBinding.Bound bound) {
        for (int attempt = 1; ; attempt++) {
            TableDefinition table = bound.catalog().reload(tableName);
            if (table == null) throw notFound(tableName);
            if (table.changeCaptureEnabled() == on) return;
            try {
                bound.catalog().update(table, table.toBuilder().changeCaptureEnabled(on).build());
                return;
            } catch (io.modyn.api.storage.StorageConflictException e) {
                if (attempt == 10) throw e; // the definition kept changing under us (UpdateTable, TTL)
            }
        }
    }

    public static TableArchive read(String keyspace, byte[] manifest) {
        ArchiveManifest.Content content = ArchiveManifest.decode(manifest);
        return new TableArchive(keyspace, content.source(), content.archivedAt(), manifest);
    }

    static DynamoException notFound(String tableName) {
        return new DynamoException(ErrorType.TABLE_NOT_FOUND, "Table not found: " + tableName);
    }
}
