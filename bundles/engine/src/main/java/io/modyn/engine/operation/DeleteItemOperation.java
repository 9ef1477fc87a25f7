package io.modyn.engine.operation;

import static io.modyn.engine.operation.WriteConditions.named;

import io.modyn.api.dynamodb.DeleteItemRequest;
import io.modyn.api.dynamodb.DeleteItemResponse;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.ItemAccess;
import io.modyn.engine.index.ItemCollections;
import io.modyn.engine.expr.ExpressionAttributes;
import io.modyn.engine.expr.ItemCondition;
import io.modyn.engine.item.AttributeValueRules;
import io.modyn.engine.item.ItemSize;
import io.modyn.engine.item.KeySchemaRules;
import io.modyn.engine.item.PrimaryKey;
import io.modyn.engine.validation.ConstraintViolations;
import io.modyn.engine.write.ItemWriter;
import io.modyn.engine.validation.Enums;

/** DeleteItem: deleting an absent item succeeds (unless a condition says otherwise), as in DynamoDB. */
public final class DeleteItemOperation {

    private final ItemWriter writer;

    public DeleteItemOperation(ItemWriter writer) {
        this.writer = writer;
    }

    public DeleteItemResponse execute(DeleteItemRequest request, StorageBinding.Bound bound, AccessCheck access) {
        return WriteValidationEnvelope.around(() -> write(request, bound, access));
    }

    private DeleteItemResponse write(DeleteItemRequest request, StorageBinding.Bound bound, AccessCheck access) {
        ConstraintViolations v = RequestRules.tableName(request.tableName(), request.key());
        v.notNull("key", request.key());
        v.oneOf("returnValues", request.returnValues(), Enums.RETURN_VALUE);
        RequestRules.returnConsumedCapacity(v, request.returnConsumedCapacity());
        v.oneOf("returnItemCollectionMetrics", request.returnItemCollectionMetrics(), Enums.RETURN_ITEM_COLLECTION_METRICS);
        v.oneOf("returnValuesOnConditionCheckFailure", request.returnValuesOnConditionCheckFailure(),
                Enums.RETURN_VALUES_ON_CONDITION_CHECK_FAILURE);
        v.oneOf("conditionalOperator", request.conditionalOperator(), Enums.CONDITIONAL_OPERATOR);
        v.noNullValues("expected", request.expected());
        v.noNullValues("expressionAttributeNames", request.expressionAttributeNames());
        v.noNullValues("expressionAttributeValues", request.expressionAttributeValues());
        v.noNullValues("key", request.key());
        v.throwIfAny();
        ReturnValues.checkAllOldOrNone(request.returnValues());
        WriteConditions.checkNotMixed(named("Expected", request.expected()),
                named("ConditionExpression", request.conditionExpression()));
        WriteConditions.checkAttributeMapsNeedExpressions(request.expressionAttributeNames(), request.expressionAttributeValues(),
                named("ConditionExpression", request.conditionExpression()), named("ConditionExpression", request.conditionExpression()));

        TableDefinition table = access.requireTable(bound, "dynamodb:DeleteItem", request.tableName());
        request.key().values().forEach(AttributeValueRules::check);
        PrimaryKey key = KeySchemaRules.ofKey(table, request.key());
        ExpressionAttributes attributes = new ExpressionAttributes(request.expressionAttributeNames(), request.expressionAttributeValues());
        ItemCondition condition = WriteConditions.compile(request.conditionExpression(), request.expected(),
                request.conditionalOperator(), attributes);
        attributes.checkAllUsed();
        access.require(arns -> ItemAccess.deleteItem(arns, request, table, condition));

        boolean returnOld = ReturnValues.isAllOld(request.returnValues());
        ConditionalWrite.Result result = ConditionalWrite.execute(bound, writer, table, key, condition,
                ReturnValues.isAllOld(request.returnValuesOnConditionCheckFailure()),
                returnOld || CapacityUnits.requested(request.returnConsumedCapacity()), current -> null);
        double units = CapacityUnits.write(result.oldItem() == null ? 0 : ItemSize.of(result.oldItem()));
        return new DeleteItemResponse(returnOld ? result.oldItem() : null,
                CapacityUnits.reportWrite(request.returnConsumedCapacity(), table, units, result.oldItem(), null),
                "SIZE".equals(request.returnItemCollectionMetrics()) ? ItemCollections.metrics(bound.storage(), table, key.attributes()) : null);
    }
}
