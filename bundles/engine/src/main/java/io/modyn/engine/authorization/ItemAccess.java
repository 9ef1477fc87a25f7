package io.modyn.engine.authorization;

import static io.modyn.api.auth.ConditionKeys.RETURN_CONSUMED_CAPACITY;
import static io.modyn.api.auth.ConditionKeys.RETURN_VALUES;
import static io.modyn.api.auth.ConditionKeys.SELECT;

import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.dynamodb.BatchWriteItemRequest;
import io.modyn.api.dynamodb.DeleteItemRequest;
import io.modyn.api.dynamodb.GetItemRequest;
import io.modyn.api.dynamodb.PutItemRequest;
import io.modyn.api.dynamodb.UpdateItemRequest;
import io.modyn.api.dynamodb.WriteRequest;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.expr.ItemCondition;
import io.modyn.engine.expr.ItemUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the single-item operations and BatchWriteItem ask IAM, one method per operation:
 *
 * <pre>
 * operation       action                   resource   dynamodb:LeadingKeys   dynamodb:Attributes                          other keys
 * GetItem         dynamodb:GetItem         table      Key's partition value  key names + projected names                  Select, ReturnConsumedCapacity
 * PutItem         dynamodb:PutItem         table      Item's partition value Item's names + condition names               ReturnValues, ReturnConsumedCapacity
 * UpdateItem      dynamodb:UpdateItem      table      Key's partition value  key names + updated names + condition names  ReturnValues, ReturnConsumedCapacity
 * DeleteItem      dynamodb:DeleteItem      table      Key's partition value  key names + condition names                  ReturnValues, ReturnConsumedCapacity
 * BatchWriteItem  dynamodb:BatchWriteItem  each table every put/delete's     every put's names + every delete's key names ReturnConsumedCapacity
 * </pre>
 *
 * Select is SPECIFIC_ATTRIBUTES when the read projects, ALL_ATTRIBUTES otherwise; ReturnValues and
 * ReturnConsumedCapacity only when the request sent them.
 */
public final class ItemAccess {

    private ItemAccess() {
    }

    public static List<AuthorizationRequest> getItem(ResourceArns arns, GetItemRequest request, TableDefinition table) {
        return List.of(itemRead(table, request.key(), request.projectionExpression(), request.attributesToGet(),
                request.expressionAttributeNames())
                .put(RETURN_CONSUMED_CAPACITY, request.returnConsumedCapacity())
                .on("dynamodb:GetItem", arns.table(table.tableName())));
    }

    public static List<AuthorizationRequest> putItem(ResourceArns arns, PutItemRequest request, TableDefinition table, ItemCondition condition) {
        return List.of(new ConditionValues()
                .leadingKey(request.item().get(table.partitionKeyName()))
                .attributes(request.item().keySet())
                .attributes(ItemAttributes.readBy(condition))
                .put(RETURN_VALUES, request.returnValues())
                .put(RETURN_CONSUMED_CAPACITY, request.returnConsumedCapacity())
                .on("dynamodb:PutItem", arns.table(table.tableName())));
    }

    public static List<AuthorizationRequest> updateItem(ResourceArns arns, UpdateItemRequest request, TableDefinition table,
            ItemUpdate update, ItemCondition condition) {
        return List.of(new ConditionValues()
                .leadingKey(request.key().get(table.partitionKeyName()))
                .attributes(ItemAttributes.keyNames(table))
                .attributes(updated(update))
                .attributes(ItemAttributes.readBy(condition))
                .put(RETURN_VALUES, request.returnValues())
                .put(RETURN_CONSUMED_CAPACITY, request.returnConsumedCapacity())
                .on("dynamodb:UpdateItem", arns.table(table.tableName())));
    }

    public static List<AuthorizationRequest> deleteItem(ResourceArns arns, DeleteItemRequest request, TableDefinition table,
            ItemCondition condition) {
        return List.of(new ConditionValues()
                .leadingKey(request.key().get(table.partitionKeyName()))
                .attributes(ItemAttributes.keyNames(table))
                .attributes(ItemAttributes.readBy(condition))
                .put(RETURN_VALUES, request.returnValues())
                .put(RETURN_CONSUMED_CAPACITY, request.returnConsumedCapacity())
                .on("dynamodb:DeleteItem", arns.table(table.tableName())));
    }

    /** One request per table, in the order the request lists them. */
    public static List<AuthorizationRequest> batchWriteItem(ResourceArns arns, BatchWriteItemRequest request, Map<String, TableDefinition> tables) {
        List<AuthorizationRequest> requests = new ArrayList<>(request.requestItems().size());
        request.requestItems().forEach((tableName, writes) -> {
            TableDefinition table = tables.get(tableName);
            ConditionValues values = new ConditionValues();
            for (WriteRequest write : writes) {
                Map<String, AttributeValue> source = write.putItem() != null ? write.putItem() : write.deleteKey();
                values.leadingKey(source.get(table.partitionKeyName()));
            }
            for (WriteRequest write : writes) values.attributes(write.putItem() != null ? write.putItem().keySet() : write.deleteKey().keySet());
            requests.add(values.put(RETURN_CONSUMED_CAPACITY, request.returnConsumedCapacity())
                    .on("dynamodb:BatchWriteItem", arns.table(table.tableName())));
        });
        return requests;
    }

    /** A point read's keys (GetItem, each table of BatchGetItem, each Get of TransactGetItems). */
    static ConditionValues itemRead(TableDefinition table, Map<String, AttributeValue> key, String projectionExpression,
            List<String> attributesToGet, Map<String, String> names) {
        Set<String> projected = ItemAttributes.projected(projectionExpression, attributesToGet, names);
        return new ConditionValues()
                .leadingKey(key.get(table.partitionKeyName()))
                .attributes(ItemAttributes.keyNames(table))
                .attributes(projected)
                .put(SELECT, projected == null ? "ALL_ATTRIBUTES" : "SPECIFIC_ATTRIBUTES");
    }

    static Set<String> updated(ItemUpdate update) {
        if (update == null) return Set.of();
        Set<String> names = new java.util.LinkedHashSet<>(update.updatedAttributes());
        names.addAll(update.nestedAttributes());
        return names;
    }
}
