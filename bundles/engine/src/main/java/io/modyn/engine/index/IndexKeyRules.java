package io.modyn.engine.index;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.item.ItemSize;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * DynamoDB's check of index key values on every write: a value given to an index key attribute
 * must have the attribute's declared type, must not be empty, and must fit the key size limits
 * (2048 bytes for a partition key, 1024 for a sort key, as for table keys). An absent value is fine (the
 * item is just not in that index). Only values the write changes are checked, so an item that
 * predates an index and breaks its rules (left out of it by the backfill) can still be updated
 * elsewhere. When several indexes object, DynamoDB names the alphabetically first.
 */
public final class IndexKeyRules {

    static final int MAX_PARTITION_KEY_BYTES = 2048;
    static final int MAX_SORT_KEY_BYTES = 1024;

    private IndexKeyRules() {
    }

    /** The bytes a string or binary key value takes (a number never comes near the limits). */
    static int keyBytes(AttributeValue value) {
        if (value instanceof AttributeValue.S s) return (int) ItemSize.utf8Length(s.value());
        if (value instanceof AttributeValue.B b) return b.value().length;
        return 0;
    }

    private static void checkSize(String name, AttributeValue value, int maxBytes, String indexName) {
        int size = keyBytes(value);
        if (size > maxBytes) {
            throw DynamoException.validation("One or more parameter values were invalid: Size limit exceeded for Index Key " + name
                    + " Actual Size: " + size + " bytes Max Size: " + maxBytes + " bytes IndexName: " + indexName);
        }
    }

    /** @param oldItem the item before the write, or null; @param newItem the item after it, or null for a deletion */
    public static void check(TableDefinition table, Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem) {
        check(table, oldItem, newItem, false);
    }

    /**
     * As {@link #check(TableDefinition, Map, Map)}, for the item an UpdateItem produces: DynamoDB
     * words an empty index key value differently there, naming the update expression.
     */
    public static void checkUpdate(TableDefinition table, Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem) {
        check(table, oldItem, newItem, true);
    }

    private static void check(TableDefinition table, Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem,
            boolean update) {
        if (newItem == null || !TableIndex.hasIndexes(table)) return;
        Set<String> tableKeys = table.keySchema().stream().map(KeySchemaElement::attributeName).collect(Collectors.toSet());
        List<TableIndex> byName = TableIndex.all(table).stream().sorted(Comparator.comparing(TableIndex::name)).toList();
        for (TableIndex index : byName) {
            for (String name : index.indexKeyNames()) {
                if (tableKeys.contains(name)) continue; // checked as a table key, with the table's messages
                AttributeValue value = newItem.get(name);
                if (value == null || (oldItem != null && value.equals(oldItem.get(name)))) continue;
                checkValue(table.attributeType(name), name, value, index.name(), update);
                checkSize(name, value, index.partitionKeyNames().contains(name) ? MAX_PARTITION_KEY_BYTES : MAX_SORT_KEY_BYTES,
                        index.name());
            }
        }
    }

    private static void checkValue(String type, String name, AttributeValue value, String indexName, boolean update) {
        if (!type.equals(value.typeName())) {
            throw DynamoException.validation("One or more parameter values were invalid: Type mismatch for Index Key " + name
                    + " Expected: " + type + " Actual: " + value.typeName() + " IndexName: " + indexName);
        }
        boolean emptyString = value instanceof AttributeValue.S s && s.value().isEmpty();
        boolean emptyBinary = value instanceof AttributeValue.B b && b.value().length == 0;
        if ((emptyString || emptyBinary) && update) {
            throw DynamoException.validation("One or more parameter values are not valid. The update expression attempted to update a "
                    + "secondary index key to a value that is not supported. The AttributeValue for a key attribute cannot contain an "
                    + "empty " + (emptyString ? "string" : "binary") + " value.");
        }
        if (emptyString || emptyBinary) {
            throw DynamoException.validation("One or more parameter values are not valid. A value specified for a secondary index key "
                    + "is not supported. The AttributeValue for a key attribute cannot contain an empty " + (emptyString ? "string" : "binary")
                    + " value. IndexName: " + indexName + ", IndexKey: " + name);
        }
    }
}
