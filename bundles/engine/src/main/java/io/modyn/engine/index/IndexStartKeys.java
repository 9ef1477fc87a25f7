package io.modyn.engine.index;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.storage.StorageKey;
import java.util.Map;
import java.util.Set;

/**
 * The ExclusiveStartKey of a Query or Scan on an index: what the previous page's LastEvaluatedKey
 * held, the index key and the table key of the last entry read. Both are needed, since several
 * entries may share one index key.
 */
public final class IndexStartKeys {

    private IndexStartKeys() {
    }

    /** The storage key of the entry to resume after. */
    public static StorageKey of(TableIndex index, Map<String, AttributeValue> exclusiveStartKey) {
        Set<String> keyAttributes = index.keyAttributes();
        if (exclusiveStartKey.size() != keyAttributes.size() || !exclusiveStartKey.keySet().containsAll(keyAttributes)) throw mismatch();
        for (String name : keyAttributes) {
            if (!exclusiveStartKey.get(name).typeName().equals(index.table().attributeType(name))) throw mismatch();
        }
        StorageKey key = IndexEntryKeys.of(index, exclusiveStartKey);
        if (key == null) throw mismatch();
        return key;
    }

    private static DynamoException mismatch() {
        return DynamoException.validation("The provided starting key is invalid: The provided key element does not match the schema");
    }
}
