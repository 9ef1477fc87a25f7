package io.modyn.engine.authorization;

import static io.modyn.api.auth.ConditionKeys.ENCLOSING_OPERATION;
import static io.modyn.api.auth.ConditionKeys.RETURN_CONSUMED_CAPACITY;

import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.dynamodb.TransactGet;
import io.modyn.api.dynamodb.TransactGetItemsRequest;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.expr.ItemCondition;
import io.modyn.engine.expr.ItemUpdate;
import io.modyn.engine.transaction.ActionRequest;
import io.modyn.engine.transaction.WriteAction;
import java.util.ArrayList;
import java.util.List;

/**
 * What the transactions ask IAM: as DynamoDB documents ("Using IAM with DynamoDB transactions"),
 * each item is authorized as the single-item action it performs, with
 * {@code dynamodb:EnclosingOperation} naming the transaction, and one denied item denies the whole
 * transaction:
 *
 * <pre>
 * item              action                        resource  dynamodb:LeadingKeys    dynamodb:Attributes
 * Put               dynamodb:PutItem              table     Item's partition value  Item's names + condition names
 * Update            dynamodb:UpdateItem           table     Key's partition value   key names + updated names + condition names
 * Delete            dynamodb:DeleteItem           table     Key's partition value   key names + condition names
 * ConditionCheck    dynamodb:ConditionCheckItem   table     Key's partition value   key names + condition names
 * Get               dynamodb:GetItem              table     Key's partition value   key names + projected names (+ Select)
 * </pre>
 *
 * Every item also carries EnclosingOperation ({@code TransactWriteItems} or
 * {@code TransactGetItems}) and the request's ReturnConsumedCapacity when sent.
 */
public final class TransactionAccess {

    private TransactionAccess() {
    }

    /** The lists are parallel: one table, condition (or null) and update (or null) per action. */
    public static List<AuthorizationRequest> transactWriteItems(ResourceArns arns, String returnConsumedCapacity, List<ActionRequest> actions,
            List<TableDefinition> tables, List<ItemCondition> conditions, List<ItemUpdate> updates) {
        List<AuthorizationRequest> requests = new ArrayList<>(actions.size());
        for (int i = 0; i < actions.size(); i++) {
            ActionRequest action = actions.get(i);
            TableDefinition table = tables.get(i);
            ConditionValues values = new ConditionValues().leadingKey(action.keySource().get(table.partitionKeyName()));
            values.attributes(switch (action.kind()) {
                case PUT -> action.item().keySet();
                default -> ItemAttributes.keyNames(table);
            });
            values.attributes(ItemAccess.updated(updates.get(i)))
                    .attributes(ItemAttributes.readBy(conditions.get(i)))
                    .put(ENCLOSING_OPERATION, "TransactWriteItems")
                    .put(RETURN_CONSUMED_CAPACITY, returnConsumedCapacity);
            requests.add(values.on(actionOf(action.kind()), arns.table(table.tableName())));
        }
        return requests;
    }

    /** The IAM action of one TransactWriteItems member. */
    public static String actionOf(WriteAction.Kind kind) {
        return switch (kind) {
            case PUT -> "dynamodb:PutItem";
            case UPDATE -> "dynamodb:UpdateItem";
            case DELETE -> "dynamodb:DeleteItem";
            case CONDITION_CHECK -> "dynamodb:ConditionCheckItem";
        };
    }

    /** @param tables one per Get, in request order */
    public static List<AuthorizationRequest> transactGetItems(ResourceArns arns, TransactGetItemsRequest request, List<TableDefinition> tables) {
        List<AuthorizationRequest> requests = new ArrayList<>(tables.size());
        for (int i = 0; i < tables.size(); i++) {
            TransactGet get = request.transactItems().get(i).get();
            TableDefinition table = tables.get(i);
            requests.add(ItemAccess.itemRead(table, get.key(), get.projectionExpression(), null, get.expressionAttributeNames())
                    .put(ENCLOSING_OPERATION, "TransactGetItems")
                    .put(RETURN_CONSUMED_CAPACITY, request.returnConsumedCapacity())
                    .on("dynamodb:GetItem", arns.table(table.tableName())));
        }
        return requests;
    }
}
