package io.modyn.engine.operation;

import static io.modyn.engine.operation.WriteConditions.named;

import io.modyn.api.dynamodb.PutItemRequest;
import io.modyn.api.dynamodb.PutItemResponse;
import io.modyn.api.model.AttributeValue;
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
import java.util.Map;

/** PutItem: replaces the whole item with the given key, if its condition holds. */
public final class PutItemOperation {

    private final ItemWriter writer;

    public PutItemOperation(ItemWriter writer) {
        this.writer = writer;
    }

    public PutItemResponse execute(PutItemRequest request, StorageBinding.Bound bound, AccessCheck access) {
        return WriteValidationEnvelope.around(() -> write(request, bound, access));
    }

    private PutItemResponse write(PutItemRequest request, StorageBinding.Bound bound, AccessCheck access) {
        ConstraintViolations v = RequestRules.tableName(request.tableName(), request.item());
        v.notNull("item", request.item());
        v.oneOf("returnValues", request.returnValues(), Enums.RETURN_VALUE);
        RequestRules.returnConsumedCapacity(v, request.returnConsumedCapacity());
        v.oneOf("returnItemCollectionMetrics", request.returnItemCollectionMetrics(), Enums.RETURN_ITEM_COLLECTION_METRICS);
        v.oneOf("returnValuesOnConditionCheckFailure", request.returnValuesOnConditionCheckFailure(),
                Enums.RETURN_VALUES_ON_CONDITION_CHECK_FAILURE);
        v.oneOf("conditionalOperator", request.conditionalOperator(), Enums.CONDITIONAL_OPERATOR);
        v.noNullValues("expected", request.expected());
        v.noNullValues("expressionAttributeNames", request.expressionAttributeNames());
        v.noNullValues("expressionAttributeValues", request.expressionAttributeValues());
        v.noNullValues("item", request.item());
        v.throwIfAny();
        ReturnValues.checkAllOldOrNone(request.returnValues());
        WriteConditions.checkNotMixed(named("Expected", request.expected()),
                named("ConditionExpression", request.conditionExpression()));
        WriteConditions.checkAttributeMapsNeedExpressions(request.expressionAttributeNames(), request.expressionAttributeValues(),
                named("ConditionExpression", request.conditionExpression()), named("ConditionExpression", request.conditionExpression()));

        TableDefinition table = access.requireTable(bound, "dynamodb:PutItem", request.tableName());
        Map<String, AttributeValue> item = request.item();
        AttributeValueRules.checkItem(item);
        PrimaryKey key = KeySchemaRules.ofItem(table, item);
        long size = ItemSize.checkedSize(item);
        ExpressionAttributes attributes = new ExpressionAttributes(request.expressionAttributeNames(), request.expressionAttributeValues());
        ItemCondition condition = WriteConditions.compile(request.conditionExpression(), request.expected(),
                request.conditionalOperator(), attributes);
        attributes.checkAllUsed();
        access.require(arns -> ItemAccess.putItem(arns, request, table, condition));

        boolean returnOld = ReturnValues.isAllOld(request.returnValues());
        ConditionalWrite.Result result = ConditionalWrite.execute(bound, writer, table, key, condition,
                ReturnValues.isAllOld(request.returnValuesOnConditionCheckFailure()),
                returnOld || CapacityUnits.requested(request.returnConsumedCapacity()), current -> item);
        long charged = Math.max(size, result.oldItem() == null ? 0 : ItemSize.of(result.oldItem()));
        return new PutItemResponse(returnOld ? result.oldItem() : null,
                CapacityUnits.reportWrite(request.returnConsumedCapacity(), table, CapacityUnits.write(charged), result.oldItem(),
                        result.newItem()),
                "SIZE".equals(request.returnItemCollectionMetrics()) ? ItemCollections.metrics(bound.storage(), table, key.attributes()) : null);
    }
}
