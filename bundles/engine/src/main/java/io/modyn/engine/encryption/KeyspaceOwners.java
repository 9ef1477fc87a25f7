package io.modyn.engine.encryption;

import io.modyn.api.model.SecondaryIndex;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.catalog.TableCatalog;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which table a storage keyspace belongs to, so its values are sealed under that table's keys:
 * {@code table.<id>}, {@code collections.<id>} and {@code stream.<id>.<label>} name the table;
 * {@code index.<index id>} is looked up in the catalog (ids are never reused, so a found owner is
 * kept). System keyspaces ({@code modyn.*}) belong to no table and are never sealed here.
 */
final class KeyspaceOwners {

    private final Map<String, String> indexOwners = new ConcurrentHashMap<>();
    private volatile TableCatalog catalog;

    void catalog(TableCatalog catalog) {
        this.catalog = catalog;
    }

    /** The id of the table owning the keyspace, or null for a keyspace of no table. */
    String tableId(String keyspace) {
        if (keyspace.startsWith("table.")) return keyspace.substring(6);
        if (keyspace.startsWith("collections.")) return keyspace.substring(12);
        if (keyspace.startsWith("stream.")) {
            int end = keyspace.indexOf('.', 7);
            return end < 0 ? keyspace.substring(7) : keyspace.substring(7, end);
        }
        if (keyspace.startsWith("index.")) {
            String indexId = keyspace.substring(6);
            String owner = indexOwners.get(indexId);
            if (owner == null) owner = refresh(indexId);
            if (owner == null) {
                throw new IllegalStateException("No table owns index keyspace " + keyspace + "; its values cannot be sealed or opened");
            }
            return owner;
        }
        return null;
    }

    private synchronized String refresh(String indexId) {
        String owner = indexOwners.get(indexId);
        if (owner != null || catalog == null) return owner;
        for (String name : catalog.names()) {
            TableDefinition table = catalog.reload(name);
            if (table == null) continue;
            for (SecondaryIndex index : table.globalSecondaryIndexes()) indexOwners.put(index.indexId(), table.tableId());
            for (SecondaryIndex index : table.localSecondaryIndexes()) indexOwners.put(index.indexId(), table.tableId());
        }
        return indexOwners.get(indexId);
    }
}
