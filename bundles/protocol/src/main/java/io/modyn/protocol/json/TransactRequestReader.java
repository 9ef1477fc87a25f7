package io.modyn.protocol.json;

import io.modyn.api.dynamodb.TransactConditionCheck;
import io.modyn.api.dynamodb.TransactDelete;
import io.modyn.api.dynamodb.TransactGet;
import io.modyn.api.dynamodb.TransactGetItem;
import io.modyn.api.dynamodb.TransactGetItemsRequest;
import io.modyn.api.dynamodb.TransactPut;
import io.modyn.api.dynamodb.TransactUpdate;
import io.modyn.api.dynamodb.TransactWriteItem;
import io.modyn.api.dynamodb.TransactWriteItemsRequest;
import io.modyn.api.model.AttributeValue;
import io.modyn.protocol.json.JsonInput.Placement;
import java.util.List;
import java.util.Map;

/**
 * Reads the transaction requests: TransactWriteItems and TransactGetItems. Actions keep request
 * order, which is the order of CancellationReasons. An action element with several members set,
 * or none, and null elements are passed on for the engine to refuse with DynamoDB's message.
 */
public final class TransactRequestReader {

    private TransactRequestReader() {
    }

    public static TransactWriteItemsRequest transactWriteItems(JsonInput in) {
        List<TransactWriteItem> transactItems = null;
        String returnConsumedCapacity = null;
        String returnItemCollectionMetrics = null;
        String clientRequestToken = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "TransactItems" -> transactItems = in.readList(() -> readWriteItem(in));
                case "ReturnConsumedCapacity" -> returnConsumedCapacity = in.readString();
                case "ReturnItemCollectionMetrics" -> returnItemCollectionMetrics = in.readString();
                case "ClientRequestToken" -> clientRequestToken = in.readString();
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new TransactWriteItemsRequest(transactItems, returnConsumedCapacity, returnItemCollectionMetrics, clientRequestToken);
    }

    public static TransactGetItemsRequest transactGetItems(JsonInput in) {
        List<TransactGetItem> transactItems = null;
        String returnConsumedCapacity = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "TransactItems" -> transactItems = in.readList(() -> readGetItem(in));
                case "ReturnConsumedCapacity" -> returnConsumedCapacity = in.readString();
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new TransactGetItemsRequest(transactItems, returnConsumedCapacity);
    }

    private static TransactWriteItem readWriteItem(JsonInput in) {
        if (!in.beginStruct("TransactWriteItem", Placement.ELEMENT)) {
            return null;
        }
        TransactConditionCheck conditionCheck = null;
        TransactPut put = null;
        TransactDelete delete = null;
        TransactUpdate update = null;
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "ConditionCheck" -> conditionCheck = readConditionCheck(in);
                case "Put" -> put = readPut(in);
                case "Delete" -> delete = readDelete(in);
                case "Update" -> update = readUpdate(in);
                default -> in.skipValue();
            }
        }
        return new TransactWriteItem(conditionCheck, put, delete, update);
    }

    private static TransactConditionCheck readConditionCheck(JsonInput in) {
        if (!in.beginStruct("ConditionCheck", Placement.FIELD)) {
            return null;
        }
        ActionMembers action = new ActionMembers();
        Map<String, AttributeValue> key = null;
        while (in.nextMember()) {
            if (in.memberName().equals("Key")) {
                key = AttributeValueReader.readMap(in);
            } else {
                action.readMember(in);
            }
        }
        return new TransactConditionCheck(action.tableName, key, action.conditionExpression, action.expressionAttributeNames,
                action.expressionAttributeValues, action.returnValuesOnConditionCheckFailure);
    }

    private static TransactPut readPut(JsonInput in) {
        if (!in.beginStruct("Put", Placement.FIELD)) {
            return null;
        }
        ActionMembers action = new ActionMembers();
        Map<String, AttributeValue> item = null;
        while (in.nextMember()) {
            if (in.memberName().equals("Item")) {
                item = AttributeValueReader.readMap(in);
            } else {
                action.readMember(in);
            }
        }
        return new TransactPut(action.tableName, item, action.conditionExpression, action.expressionAttributeNames,
                action.expressionAttributeValues, action.returnValuesOnConditionCheckFailure);
    }

    private static TransactDelete readDelete(JsonInput in) {
        if (!in.beginStruct("Delete", Placement.FIELD)) {
            return null;
        }
        ActionMembers action = new ActionMembers();
        Map<String, AttributeValue> key = null;
        while (in.nextMember()) {
            if (in.memberName().equals("Key")) {
                key = AttributeValueReader.readMap(in);
            } else {
                action.readMember(in);
            }
        }
        return new TransactDelete(action.tableName, key, action.conditionExpression, action.expressionAttributeNames,
                action.expressionAttributeValues, action.returnValuesOnConditionCheckFailure);
    }

    private static TransactUpdate readUpdate(JsonInput in) {
        if (!in.beginStruct("Update", Placement.FIELD)) {
            return null;
        }
        ActionMembers action = new ActionMembers();
        Map<String, AttributeValue> key = null;
        String updateExpression = null;
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "Key" -> key = AttributeValueReader.readMap(in);
                case "UpdateExpression" -> updateExpression = in.readString();
                default -> action.readMember(in);
            }
        }
        return new TransactUpdate(action.tableName, key, updateExpression, action.conditionExpression,
                action.expressionAttributeNames, action.expressionAttributeValues, action.returnValuesOnConditionCheckFailure);
    }

    private static TransactGetItem readGetItem(JsonInput in) {
        if (!in.beginStruct("TransactGetItem", Placement.ELEMENT)) {
            return null;
        }
        TransactGet get = null;
        while (in.nextMember()) {
            if (in.memberName().equals("Get")) {
                get = readGet(in);
            } else {
                in.skipValue();
            }
        }
        return new TransactGetItem(get);
    }

    private static TransactGet readGet(JsonInput in) {
        if (!in.beginStruct("Get", Placement.FIELD)) {
            return null;
        }
        String tableName = null;
        Map<String, AttributeValue> key = null;
        String projectionExpression = null;
        Map<String, String> expressionAttributeNames = null;
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "TableName" -> tableName = in.readString();
                case "Key" -> key = AttributeValueReader.readMap(in);
                case "ProjectionExpression" -> projectionExpression = in.readString();
                case "ExpressionAttributeNames" -> expressionAttributeNames = in.readStringMap();
                default -> in.skipValue();
            }
        }
        return new TransactGet(tableName, key, projectionExpression, expressionAttributeNames);
    }

    /** The members every write action shares: its table and its condition. */
    private static final class ActionMembers {
        String tableName;
        String conditionExpression;
        Map<String, String> expressionAttributeNames;
        Map<String, AttributeValue> expressionAttributeValues;
        String returnValuesOnConditionCheckFailure;

        void readMember(JsonInput in) {
            switch (in.memberName()) {
                case "TableName" -> tableName = in.readString();
                case "ConditionExpression" -> conditionExpression = in.readString();
                case "ExpressionAttributeNames" -> expressionAttributeNames = in.readStringMap();
                case "ExpressionAttributeValues" -> expressionAttributeValues = AttributeValueReader.readMap(in);
                case "ReturnValuesOnConditionCheckFailure" -> returnValuesOnConditionCheckFailure = in.readString();
                default -> in.skipValue();
            }
        }
    }
}
