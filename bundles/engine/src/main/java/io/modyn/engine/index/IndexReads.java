package io.modyn.engine.index;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.throttle.ThrottleMeter;
import io.modyn.engine.catalog.TableCatalog;
import io.modyn.engine.item.ItemCodec;
import io.modyn.engine.item.KeySchemaRules;
import io.modyn.engine.item.PrimaryKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** What Query and Scan need to read an index: the index itself, checked as DynamoDB checks it, and table lookups. */
public final class IndexReads {

    private IndexReads() {
    }

    /**
     * The index a read names, if it can be read: it exists, is not being backfilled, and is not
     * read consistently when global. The table's definition may be cached for up to a second, so
     * an index it lacks or has still backfilling may exist, or be ACTIVE, by another node's doing:
     * before refusing, the definition is read afresh from storage, once.
     */
    public static TableIndex resolve(StorageBinding.Bound bound, TableDefinition table, String indexName, Boolean consistentRead) {
        TableIndex index = TableIndex.find(table, indexName);
        if (index == null || index.index().backfilling()) {
            TableDefinition current = bound.catalog().reload(table.tableName());
            if (current != null && current.tableId().equals(table.tableId())) {
                table = current;
                index = TableIndex.find(table, indexName);
            }
        }
        if (index == null) throw DynamoException.validation("The table does not have the specified index: " + indexName);
        if (index.global() && Boolean.TRUE.equals(consistentRead)) {
            throw DynamoException.validation("Consistent reads are not supported on global secondary indexes");
        }
        if (index.global()) ThrottleMeter.admitIndexRead(table, indexName);
        if (index.index().backfilling()) {
            IndexBackfiller.shared().resume(bound, table);
            throw DynamoException.validation("Cannot read from backfilling global secondary index: " + indexName);
        }
        return index;
    }

    /**
     * Looks up the table item an entry belongs to (for local index reads that need attributes the
     * index does not project); null if the item was deleted since the entry was read.
     */
    public static UnaryOperator<Map<String, AttributeValue>> tableItems(StorageBinding.Bound bound, TableIndex index) {
        TableDefinition table = index.table();
        String keyspace = TableCatalog.dataKeyspace(table);
        return entry -> {
            Map<String, AttributeValue> key = new LinkedHashMap<>(4);
            table.keySchema().forEach(k -> key.put(k.attributeName(), entry.get(k.attributeName())));
            PrimaryKey primaryKey = KeySchemaRules.ofKey(table, key);
            byte[] stored = bound.storage().get(keyspace, primaryKey.partition(), primaryKey.sort());
            return stored == null ? null : ItemCodec.decode(stored);
        };
    }
}
