package io.modyn.engine.operation;

import static io.modyn.engine.operation.WriteConditions.named;

import io.modyn.api.dynamodb.GetItemRequest;
import io.modyn.api.dynamodb.GetItemResponse;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.ItemAccess;
import io.modyn.engine.catalog.TableCatalog;
import io.modyn.engine.expr.ExpressionAttributes;
import io.modyn.engine.expr.Projection;
import io.modyn.engine.item.AttributeValueRules;
import io.modyn.engine.item.ItemCodec;
import io.modyn.engine.item.ItemSize;
import io.modyn.engine.item.KeySchemaRules;
import io.modyn.engine.item.PrimaryKey;
import io.modyn.engine.validation.ConstraintViolations;
import java.util.Map;

/** GetItem: one point read. Reads are always of committed data, so every read is consistent. */
public final class GetItemOperation {

    public GetItemResponse execute(GetItemRequest request, StorageBinding.Bound bound, AccessCheck access) {
        ConstraintViolations v = RequestRules.tableName(request.tableName(), request.key());
        v.notNull("key", request.key());
        v.sizeAtLeast("attributesToGet", request.attributesToGet(), 1);
        RequestRules.returnConsumedCapacity(v, request.returnConsumedCapacity());
        v.noNullValues("key", request.key());
        v.noNullElements("attributesToGet", request.attributesToGet());
        v.noNullValues("expressionAttributeNames", request.expressionAttributeNames());
        v.throwIfAny();
        WriteConditions.checkNotMixed(named("AttributesToGet", request.attributesToGet()),
                named("ProjectionExpression", request.projectionExpression()));
        WriteConditions.checkAttributeMapsNeedExpressions(request.expressionAttributeNames(), null, named(),
                named("ProjectionExpression", request.projectionExpression()));

        TableDefinition table = access.requireTable(bound, "dynamodb:GetItem", request.tableName());
        request.key().values().forEach(AttributeValueRules::check);
        PrimaryKey key = KeySchemaRules.ofKey(table, request.key());
        ExpressionAttributes attributes = new ExpressionAttributes(request.expressionAttributeNames(), null);
        Projection projection = ReadSelection.projection(request.projectionExpression(), request.attributesToGet(), attributes);
        attributes.checkAllUsed();
        access.require(arns -> ItemAccess.getItem(arns, request, table));

        byte[] stored = bound.storage().get(TableCatalog.dataKeyspace(table), key.partition(), key.sort());
        Map<String, AttributeValue> item = stored == null ? null : ItemCodec.decode(stored);
        Map<String, AttributeValue> returned = item == null || projection == null ? item : projection.apply(item);
        if (!CapacityUnits.requested(request.returnConsumedCapacity())) return new GetItemResponse(returned, null);
        // Sizing the item is work only a capacity report needs.
        double units = CapacityUnits.read(item == null ? 0 : ItemSize.of(item), Boolean.TRUE.equals(request.consistentRead()));
        return new GetItemResponse(returned, CapacityUnits.report(request.returnConsumedCapacity(), table.tableName(), units));
    }
}
