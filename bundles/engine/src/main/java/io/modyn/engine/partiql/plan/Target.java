package io.modyn.engine.partiql.plan;

import io.modyn.api.model.SecondaryIndex;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.partiql.PartiqlErrors;
import io.modyn.engine.partiql.ast.TableRef;
import java.util.List;

/**
 * The table (and index) a statement names, with the key attributes that address it: the table's,
 * or the index's for {@code "table"."index"}. PartiQL refuses multi-attribute keys outright.
 *
 * @param index the index, or null for the table itself
 * @param sortKey the sort key attribute, or null for a simple key
 */
public record Target(TableDefinition table, SecondaryIndex index, String partitionKey, String sortKey) {

    public static Target of(TableDefinition table, TableRef ref) {
        if (ref.index() == null) return new Target(table, null, table.partitionKeyName(), table.sortKeyName());
        SecondaryIndex index = table.index(ref.index());
        if (index == null) throw PartiqlErrors.noSuchIndex();
        if (index.partitionKeyNames().size() > 1 || index.sortKeyNames().size() > 1) throw PartiqlErrors.multiAttributeKeys();
        String sortKey = index.sortKeyNames().isEmpty() ? null : index.sortKeyNames().get(0);
        return new Target(table, index, index.partitionKeyNames().get(0), sortKey);
    }

    public String tableName() {
        return table.tableName();
    }

    /** The IndexName of a Query or Scan, or null for the table. */
    public String indexName() {
        return index == null ? null : index.indexName();
    }

    public boolean isGlobalIndex() {
        return index != null && table.globalSecondaryIndexes().contains(index);
    }

    /** The key attributes in key-schema order: partition, then sort. */
    public List<String> keyNames() {
        return sortKey == null ? List.of(partitionKey) : List.of(partitionKey, sortKey);
    }
}
