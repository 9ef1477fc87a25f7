package io.modyn.engine.operation;

import io.modyn.api.dynamodb.DeleteItemRequest;
import io.modyn.api.dynamodb.DeleteItemResponse;
import io.modyn.api.model.AttributeValue;
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

/** DeleteItem: deleting an absent item succeeds, as in DynamoDB. */
public final class DeleteItemOperation {

    public DeleteItemResponse execute(DeleteItemRequest request, StorageBinding.Bound bound) {
        ConstraintViolations v = RequestRules.tableName(request.tableName());
        v.notNull("key", request.key());
        v.oneOf("returnValues", request.returnValues(), Enums.RETURN_VALUE);
        RequestRules.returnConsumedCapacity(v, request.returnConsumedCapacity());
        v.oneOf("returnItemCollectionMetrics", request.returnItemCollectionMetrics(), Enums.RETURN_ITEM_COLLECTION_METRICS);
        v.throwIfAny();
        ReturnValues.checkAllOldOrNone(request.returnValues());
        RequestRules.notYetSupported(request.conditionExpression(), "ConditionExpression");
        RequestRules.notYetSupported(request.expected(), "Expected");
        RequestRules.notYetSupported(request.expressionAttributeNames(), "ExpressionAttributeNames");
        RequestRules.notYetSupported(request.expressionAttributeValues(), "ExpressionAttributeValues");

        TableDefinition table = bound.catalog().require(request.tableName());
        request.key().values().forEach(AttributeValueRules::check);
        PrimaryKey key = KeySchemaRules.ofKey(table, request.key());
        String keyspace = TableCatalog.dataKeyspace(table);
        Map<String, AttributeValue> old;
        try (StorageTransaction tx = bound.storage().begin()) {
            byte[] previous = tx.getForUpdate(keyspace, key.partition(), key.sort());
            old = previous == null ? null : ItemCodec.decode(previous);
            if (previous != null) tx.delete(keyspace, key.partition(), key.sort());
            tx.commit();
        }
        double units = CapacityUnits.write(old == null ? 0 : ItemSize.of(old));
        return new DeleteItemResponse(ReturnValues.isAllOld(request.returnValues()) ? old : null,
                CapacityUnits.report(request.returnConsumedCapacity(), table.tableName(), units), null);
    }
}
