package io.modyn.engine.operation;

import io.modyn.api.dynamodb.GetItemRequest;
import io.modyn.api.dynamodb.GetItemResponse;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.catalog.TableCatalog;
import io.modyn.engine.item.AttributeValueRules;
import io.modyn.engine.item.ItemCodec;
import io.modyn.engine.item.ItemSize;
import io.modyn.engine.item.KeySchemaRules;
import io.modyn.engine.item.PrimaryKey;
import io.modyn.engine.validation.ConstraintViolations;
import java.util.Map;

/** GetItem: one point read. Reads are always of committed data, so every read is consistent. */
public final class GetItemOperation {

    public GetItemResponse execute(GetItemRequest request, StorageBinding.Bound bound) {
        ConstraintViolations v = RequestRules.tableName(request.tableName());
        v.notNull("key", request.key());
        RequestRules.returnConsumedCapacity(v, request.returnConsumedCapacity());
        v.throwIfAny();
        RequestRules.notYetSupported(request.projectionExpression(), "ProjectionExpression");
        RequestRules.notYetSupported(request.attributesToGet(), "AttributesToGet");
        RequestRules.notYetSupported(request.expressionAttributeNames(), "ExpressionAttributeNames");

        TableDefinition table = bound.catalog().require(request.tableName());
        request.key().values().forEach(AttributeValueRules::check);
        PrimaryKey key = KeySchemaRules.ofKey(table, request.key());
        byte[] stored = bound.storage().get(TableCatalog.dataKeyspace(table), key.partition(), key.sort());
        Map<String, AttributeValue> item = stored == null ? null : ItemCodec.decode(stored);
        boolean consistent = Boolean.TRUE.equals(request.consistentRead());
        double units = CapacityUnits.read(item == null ? 0 : ItemSize.of(item), consistent);
        return new GetItemResponse(item, CapacityUnits.report(request.returnConsumedCapacity(), table.tableName(), units));
    }
}
