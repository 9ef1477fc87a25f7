package io.modyn.engine.operation;

import io.modyn.api.dynamodb.PutItemRequest;
import io.modyn.api.dynamodb.PutItemResponse;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.catalog.TableCatalog;
import io.modyn.engine.item.AttributeValueRules;
import io.modyn.engine.item.ItemCodec;
import io.modyn.engine.item.ItemSize;
import io.modyn.engine.item.KeySchemaRules;
import io.modyn.engine.item.PrimaryKey;
import io.modyn.engine.validation.ConstraintViolations;
import io.modyn.engine.validation.Enums;
import java.util.Map;

/** PutItem: replaces the whole item with the given key. */
public final class PutItemOperation {

    public PutItemResponse execute(PutItemRequest request, StorageBinding.Bound bound) {
        ConstraintViolations v = RequestRules.tableName(request.tableName());
        v.notNull("item", request.item());
        v.oneOf("returnValues", request.returnValues(), Enums.RETURN_VALUE);
        RequestRules.returnConsumedCapacity(v, request.returnConsumedCapacity());
        v.oneOf("returnItemCollectionMetrics", request.returnItemCollectionMetrics(), Enums.RETURN_ITEM_COLLECTION_METRICS);
        v.oneOf("returnValuesOnConditionCheckFailure", request.returnValuesOnConditionCheckFailure(),
                Enums.RETURN_VALUES_ON_CONDITION_CHECK_FAILURE);
        v.throwIfAny();
        ReturnValues.checkAllOldOrNone(request.returnValues());
        RequestRules.notYetSupported(request.conditionExpression(), "ConditionExpression");
        RequestRules.notYetSupported(request.expected(), "Expected");
        RequestRules.notYetSupported(request.expressionAttributeNames(), "ExpressionAttributeNames");
        RequestRules.notYetSupported(request.expressionAttributeValues(), "ExpressionAttributeValues");

        TableDefinition table = bound.catalog().require(request.tableName());
        Map<String, AttributeValue> item = request.item();
        AttributeValueRules.checkItem(item);
        PrimaryKey key = KeySchemaRules.ofItem(table, item);
        long size = ItemSize.of(item);
        if (size > ItemSize.MAX_ITEM_BYTES) throw DynamoException.validation("Item size has exceeded the maximum allowed size");

        boolean wantOld = ReturnValues.isAllOld(request.returnValues()) || CapacityUnits.requested(request.returnConsumedCapacity());
        String keyspace = TableCatalog.dataKeyspace(table);
        Map<String, AttributeValue> old = null;
        try (StorageTransaction tx = bound.storage().begin()) {
            if (wantOld) {
                byte[] previous = tx.getForUpdate(keyspace, key.partition(), key.sort());
                old = previous == null ? null : ItemCodec.decode(previous);
            }
            tx.put(keyspace, key.partition(), key.sort(), ItemCodec.encode(item));
            tx.commit();
        }
        long charged = Math.max(size, old == null ? 0 : ItemSize.of(old));
        return new PutItemResponse(ReturnValues.isAllOld(request.returnValues()) ? old : null,
                CapacityUnits.report(request.returnConsumedCapacity(), table.tableName(), CapacityUnits.write(charged)), null);
    }
}
