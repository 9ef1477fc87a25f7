package io.modyn.engine.index;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.IndexProjection;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.SecondaryIndex;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.catalog.TableCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One secondary index of a table, seen with its table: which attributes key it, which it
 * projects, where its entries live. An index entry always holds the table's key attributes and
 * the index's key attributes, plus what the projection adds.
 */
public record TableIndex(TableDefinition table, SecondaryIndex index, boolean global) {

    /** The table's indexes: global ones first, then local ones, each in definition order. */
    public static List<TableIndex> all(TableDefinition table) {
        List<TableIndex> indexes = new ArrayList<>();
        table.globalSecondaryIndexes().forEach(index -> indexes.add(new TableIndex(table, index, true)));
        table.localSecondaryIndexes().forEach(index -> indexes.add(new TableIndex(table, index, false)));
        return indexes;
    }

    /** The index of that name, or null. */
    public static TableIndex find(TableDefinition table, String indexName) {
        for (TableIndex index : all(table)) if (index.name().equals(indexName)) return index;
        return null;
    }

    public static boolean hasIndexes(TableDefinition table) {
        return !table.globalSecondaryIndexes().isEmpty() || !table.localSecondaryIndexes().isEmpty();
    }

    public String name() {
        return index.indexName();
    }

    public String keyspace() {
        return TableCatalog.indexKeyspace(index);
    }

    public List<String> partitionKeyNames() {
        return index.partitionKeyNames();
    }

    public List<String> sortKeyNames() {
        return index.sortKeyNames();
    }

    /** True for a key schema with more than one partition or sort attribute (GSIs only). */
    public boolean multiAttribute() {
        return partitionKeyNames().size() > 1 || sortKeyNames().size() > 1;
    }

    /** The index's own key attributes, in key schema order. */
    public List<String> indexKeyNames() {
        return index.keySchema().stream().map(KeySchemaElement::attributeName).toList();
    }

    /** Every attribute an entry always holds: the table's key, then the index's key. */
    public Set<String> keyAttributes() {
        Set<String> keys = new LinkedHashSet<>();
        table.keySchema().forEach(k -> keys.add(k.attributeName()));
        keys.addAll(indexKeyNames());
        return keys;
    }

    public boolean projectsAll() {
        return IndexProjection.ALL.equals(index.projection().projectionType());
    }

    /** Whether entries hold this top-level attribute. */
    public boolean projects(String attribute) {
        return projectsAll() || keyAttributes().contains(attribute) || included().contains(attribute);
    }

    /** The entry this index holds for an item: the item cut down to the projection. */
    public Map<String, AttributeValue> project(Map<String, AttributeValue> item) {
        if (projectsAll()) return item;
        Set<String> keys = keyAttributes();
        List<String> included = included();
        Map<String, AttributeValue> entry = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            if (keys.contains(attribute.getKey()) || included.contains(attribute.getKey())) entry.put(attribute.getKey(), attribute.getValue());
        }
        return entry;
    }

    private List<String> included() {
        IndexProjection projection = index.projection();
        boolean include = IndexProjection.INCLUDE.equals(projection.projectionType()) && projection.nonKeyAttributes() != null;
        return include ? projection.nonKeyAttributes() : List.of();
    }

    /**
     * The table as an index query sees it: the index's key schema in place of the table's. Used to
     * check a single-attribute index's key conditions with the same rules as a table's.
     */
    public TableDefinition asKeyTable() {
        return table.toBuilder().keySchema(index.keySchema()).build();
    }

    /** The index definition as the backfill leaves it: in service. */
    SecondaryIndex activated() {
        return new SecondaryIndex(index.indexName(), index.indexId(), index.keySchema(), index.projection(), index.provisionedThroughput(),
                "ACTIVE", false);
    }
}
