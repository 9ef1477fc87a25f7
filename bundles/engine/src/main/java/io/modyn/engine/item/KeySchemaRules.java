package io.modyn.engine.item;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.TableDefinition;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks key attributes against a table's key schema with DynamoDB's messages and encodes them.
 * An item (PutItem) gets specific messages naming the attribute; a Key parameter (GetItem,
 * DeleteItem, ExclusiveStartKey) gets DynamoDB's generic "does not match the schema".
 */
public final class KeySchemaRules {

    private static final byte[] NO_SORT = new byte[0];
    private static final int MAX_PARTITION_KEY_BYTES = 2048;
    private static final int MAX_SORT_KEY_BYTES = 1024;

    private KeySchemaRules() {
    }

    /** The primary key of an item that is about to be written. */
    public static PrimaryKey ofItem(TableDefinition table, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>(4);
        byte[] partition = itemKeyPart(table, item, table.partitionKeyName(), true, key);
        String sortName = table.sortKeyName();
        byte[] sort = sortName == null ? NO_SORT : itemKeyPart(table, item, sortName, false, key);
        return new PrimaryKey(partition, sort, key);
    }

    /** The primary key named by a Key parameter, which must hold exactly the key attributes. */
    public static PrimaryKey ofKey(TableDefinition table, Map<String, AttributeValue> keyParameter) {
        return ofKey(table, keyParameter, "");
    }

    /** As {@link #ofKey(TableDefinition, Map)}, with a prefix for the mismatch message. */
    public static PrimaryKey ofKey(TableDefinition table, Map<String, AttributeValue> keyParameter, String messagePrefix) {
        String sortName = table.sortKeyName();
        int expected = sortName == null ? 1 : 2;
        if (keyParameter == null || keyParameter.size() != expected) throw schemaMismatch(messagePrefix);
        Map<String, AttributeValue> key = new LinkedHashMap<>(4);
        byte[] partition = keyPart(table, keyParameter, table.partitionKeyName(), true, key, messagePrefix);
        byte[] sort = sortName == null ? NO_SORT : keyPart(table, keyParameter, sortName, false, key, messagePrefix);
        return new PrimaryKey(partition, sort, key);
    }

    /** Encodes one key value after checking its type, emptiness and size. */
    public static byte[] encode(String name, AttributeValue value, boolean partition) {
        byte[] bytes = KeyEncoder.encode(value);
        if (!(value instanceof AttributeValue.N) && bytes.length == 0) {
            String kind = value instanceof AttributeValue.S ? "string" : "binary";
            throw DynamoException.validation("One or more parameter values are not valid. The AttributeValue for a key attribute "
                    + "cannot contain an empty " + kind + " value. Key: " + name);
        }
        if (partition && !(value instanceof AttributeValue.N) && bytes.length > MAX_PARTITION_KEY_BYTES) {
            throw DynamoException.validation("One or more parameter values were invalid: "
                    + "Size of hashkey has exceeded the maximum size limit of2048 bytes");
        }
        if (!partition && !(value instanceof AttributeValue.N) && bytes.length > MAX_SORT_KEY_BYTES) {
            throw DynamoException.validation("One or more parameter values were invalid: "
                    + "Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
        }
        return bytes;
    }

    private static byte[] itemKeyPart(TableDefinition table, Map<String, AttributeValue> item, String name, boolean partition,
            Map<String, AttributeValue> key) {
        AttributeValue value = item.get(name);
        if (value == null) {
            throw DynamoException.validation("One or more parameter values were invalid: Missing the key " + name + " in the item");
        }
        String type = table.attributeType(name);
        if (!type.equals(value.typeName())) {
            throw DynamoException.validation("One or more parameter values were invalid: Type mismatch for key " + name
                    + " expected: " + type + " actual: " + value.typeName());
        }
        key.put(name, value);
        return encode(name, value, partition);
    }

    private static byte[] keyPart(TableDefinition table, Map<String, AttributeValue> keyParameter, String name, boolean partition,
            Map<String, AttributeValue> key, String messagePrefix) {
        AttributeValue value = keyParameter.get(name);
        if (value == null || !table.attributeType(name).equals(value.typeName())) throw schemaMismatch(messagePrefix);
        key.put(name, value);
        return encode(name, value, partition);
    }

    private static DynamoException schemaMismatch(String prefix) {
        return DynamoException.validation(prefix + "The provided key element does not match the schema");
    }
}
