package io.modyn.engine.partiql.plan;

import io.modyn.api.dynamodb.DeleteItemRequest;
import io.modyn.api.dynamodb.PutItemRequest;
import io.modyn.api.dynamodb.TransactConditionCheck;
import io.modyn.api.dynamodb.TransactDelete;
import io.modyn.api.dynamodb.TransactPut;
import io.modyn.api.dynamodb.TransactUpdate;
import io.modyn.api.dynamodb.TransactWriteItem;
import io.modyn.api.dynamodb.UpdateItemRequest;
import io.modyn.api.model.AttributeValue;
import io.modyn.engine.partiql.ast.Returning;
import java.util.Map;

/**
 * One planned write: the item operation it is, its key (or item), and its expressions over one
 * set of names and values. It becomes a PutItem, UpdateItem or DeleteItem request on its own, or
 * one member of a TransactWriteItems.
 *
 * @param keyOrItem the item for an INSERT, else the key
 * @param updateExpression an UPDATE's actions, else null
 * @param conditionExpression the condition the write needs (INSERT: the key is absent)
 * @param returning the RETURNING clause, or null
 */
public record WritePlan(Kind kind, String tableName, Map<String, AttributeValue> keyOrItem, String updateExpression,
                        String conditionExpression, Map<String, String> names, Map<String, AttributeValue> values,
                        Returning returning) {

    public enum Kind { INSERT, UPDATE, DELETE, CONDITION_CHECK }

    /** The partition key value of the item written, for authorization; null if the item lacks it. */
    public AttributeValue leadingKey(String partitionKey) {
        return keyOrItem.get(partitionKey);
    }

    public PutItemRequest putItem(String returnConsumedCapacity, String returnValuesOnConditionCheckFailure) {
        return new PutItemRequest(tableName, keyOrItem, conditionExpression, names, values, null, null, null,
                returnConsumedCapacity, null, returnValuesOnConditionCheckFailure);
    }

    public UpdateItemRequest updateItem(String returnConsumedCapacity, String returnValuesOnConditionCheckFailure) {
        return new UpdateItemRequest(tableName, keyOrItem, null, null, null, returnValues(), returnConsumedCapacity, null,
                updateExpression, conditionExpression, names, values, returnValuesOnConditionCheckFailure);
    }

    public DeleteItemRequest deleteItem(String returnConsumedCapacity, String returnValuesOnConditionCheckFailure) {
        return new DeleteItemRequest(tableName, keyOrItem, conditionExpression, names, values, null, null, returnValues(),
                returnConsumedCapacity, null, returnValuesOnConditionCheckFailure);
    }

    public TransactWriteItem transactWriteItem(String returnValuesOnConditionCheckFailure) {
        String onFailure = returnValuesOnConditionCheckFailure;
        return switch (kind) {
            case INSERT -> new TransactWriteItem(null,
                    new TransactPut(tableName, keyOrItem, conditionExpression, names, values, onFailure), null, null);
            case UPDATE -> new TransactWriteItem(null, null, null,
                    new TransactUpdate(tableName, keyOrItem, updateExpression, conditionExpression, names, values, onFailure));
            case DELETE -> new TransactWriteItem(null, null,
                    new TransactDelete(tableName, keyOrItem, conditionExpression, names, values, onFailure), null);
            case CONDITION_CHECK -> new TransactWriteItem(
                    new TransactConditionCheck(tableName, keyOrItem, conditionExpression, names, values, onFailure), null, null, null);
        };
    }

    private String returnValues() {
        return returning == null ? null : returning.returnValues();
    }
}
