package io.modyn.engine.transaction;

import io.modyn.api.dynamodb.TransactConditionCheck;
import io.modyn.api.dynamodb.TransactDelete;
import io.modyn.api.dynamodb.TransactPut;
import io.modyn.api.dynamodb.TransactUpdate;
import io.modyn.api.dynamodb.TransactWriteItem;
import io.modyn.api.model.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One member of a TransactWriteItem (Put, Update, Delete or ConditionCheck) seen through the
 * parameters the four share, so that each rule is written once for all of them. Members absent
 * from a kind (an Update's Item, a Put's Key) are null.
 */
public record ActionRequest(WriteAction.Kind kind, String tableName, Map<String, AttributeValue> key, Map<String, AttributeValue> item,
        String conditionExpression, String updateExpression, Map<String, String> expressionAttributeNames,
        Map<String, AttributeValue> expressionAttributeValues, String returnValuesOnConditionCheckFailure) {

    /** The members the TransactWriteItem sets, in the order DynamoDB reports them (conditionCheck, delete, put, update). */
    public static List<ActionRequest> membersOf(TransactWriteItem item) {
        List<ActionRequest> members = new ArrayList<>(1);
        TransactConditionCheck c = item.conditionCheck();
        if (c != null) {
            members.add(new ActionRequest(WriteAction.Kind.CONDITION_CHECK, c.tableName(), c.key(), null, c.conditionExpression(), null,
                    c.expressionAttributeNames(), c.expressionAttributeValues(), c.returnValuesOnConditionCheckFailure()));
        }
        TransactDelete d = item.delete();
        if (d != null) {
            members.add(new ActionRequest(WriteAction.Kind.DELETE, d.tableName(), d.key(), null, d.conditionExpression(), null,
                    d.expressionAttributeNames(), d.expressionAttributeValues(), d.returnValuesOnConditionCheckFailure()));
        }
        TransactPut p = item.put();
        if (p != null) {
            members.add(new ActionRequest(WriteAction.Kind.PUT, p.tableName(), null, p.item(), p.conditionExpression(), null,
                    p.expressionAttributeNames(), p.expressionAttributeValues(), p.returnValuesOnConditionCheckFailure()));
        }
        TransactUpdate u = item.update();
        if (u != null) {
            members.add(new ActionRequest(WriteAction.Kind.UPDATE, u.tableName(), u.key(), null, u.conditionExpression(), u.updateExpression(),
                    u.expressionAttributeNames(), u.expressionAttributeValues(), u.returnValuesOnConditionCheckFailure()));
        }
        return members;
    }

    /** The map that holds the item's key attributes: the new item of a Put, the Key of the others. */
    public Map<String, AttributeValue> keySource() {
        return kind == WriteAction.Kind.PUT ? item : key;
    }

    /** The name of the map member that holds the key: "item" for a Put, "key" for the others. */
    public String keySourceMember() {
        return kind == WriteAction.Kind.PUT ? "item" : "key";
    }
}
