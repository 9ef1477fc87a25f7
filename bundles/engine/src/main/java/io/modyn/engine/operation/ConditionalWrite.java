package io.modyn.engine.operation;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.catalog.TableCatalog;
import io.modyn.engine.expr.ItemCondition;
import io.modyn.engine.item.ItemCodec;
import io.modyn.engine.item.PrimaryKey;
import io.modyn.engine.write.ChangeOrigin;
import io.modyn.engine.write.ItemWriter;
import java.util.Map;

/**
 * The read-check-write at the heart of PutItem, UpdateItem and DeleteItem (as Alternator's
 * rmw_operation): in one storage transaction, lock and read the item, test the condition on it,
 * compute the new item and write it. A failed condition or an invalid new item throws before
 * anything is written.
 */
final class ConditionalWrite {

    /** Computes the item to store from the current one (null when absent); null deletes it. */
    @FunctionalInterface
    interface Change {
        Map<String, AttributeValue> apply(Map<String, AttributeValue> current);
    }

    /** The item before and after the write; either may be null (absent). */
    record Result(Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem) {
    }

    private ConditionalWrite() {
    }

    /**
     * @param condition the compiled ConditionExpression or Expected, or null
     * @param returnOldOnFailure ReturnValuesOnConditionCheckFailure=ALL_OLD
     * @param needOld whether the old item is needed even without a condition (ReturnValues, capacity)
     */
    static Result execute(StorageBinding.Bound bound, ItemWriter writer, TableDefinition table, PrimaryKey key, ItemCondition condition,
            boolean returnOldOnFailure, boolean needOld, Change change) {
        String keyspace = TableCatalog.dataKeyspace(table);
        try (StorageTransaction tx = bound.storage().begin()) {
            Map<String, AttributeValue> old = null;
            boolean readOld = condition != null || needOld || writer.needsOldItem(table);
            if (readOld) {
                byte[] stored = tx.getForUpdate(keyspace, key.partition(), key.sort());
                old = stored == null ? null : ItemCodec.decode(stored);
            }
            if (condition != null && !condition.test(old == null ? Map.of() : old)) {
                throw conditionFailed(returnOldOnFailure ? old : null);
            }
            Map<String, AttributeValue> updated = change.apply(old);
            writer.write(bound.catalog(), tx, table, key, old, updated, readOld, ChangeOrigin.REQUEST);
            tx.commit();
            return new Result(old, updated);
        }
    }

    static DynamoException conditionFailed(Map<String, AttributeValue> item) {
        return new DynamoException(ErrorType.CONDITIONAL_CHECK_FAILED, "The conditional request failed", item, null);
    }
}
