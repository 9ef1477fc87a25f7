package io.modyn.protocol.json;

import io.modyn.api.dynamodb.AttributeValueUpdate;
import io.modyn.api.dynamodb.DeleteItemRequest;
import io.modyn.api.dynamodb.ExpectedAttributeValue;
import io.modyn.api.dynamodb.GetItemRequest;
import io.modyn.api.dynamodb.PutItemRequest;
import io.modyn.api.dynamodb.UpdateItemRequest;
import io.modyn.api.model.AttributeValue;
import io.modyn.protocol.json.JsonInput.Placement;
import java.util.List;
import java.util.Map;

/** Reads the single-item requests: PutItem, GetItem, UpdateItem and DeleteItem. */
public final class ItemRequestReader {

    private static final String ATTRIBUTE_VALUE_UPDATE = "AttributeValueUpdate";

    private ItemRequestReader() {
    }

    public static PutItemRequest putItem(JsonInput in) {
        String tableName = null;
        Map<String, AttributeValue> item = null;
        WriteConditions conditions = new WriteConditions();
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "TableName" -> tableName = in.readString();
                case "Item" -> item = AttributeValueReader.readMap(in);
                default -> conditions.readMember(in);
            }
        }
        in.endRequest();
        return new PutItemRequest(tableName, item, conditions.conditionExpression, conditions.expressionAttributeNames,
                conditions.expressionAttributeValues, conditions.expected, conditions.conditionalOperator,
                conditions.returnValues, conditions.returnConsumedCapacity, conditions.returnItemCollectionMetrics,
                conditions.returnValuesOnConditionCheckFailure);
    }

    public static DeleteItemRequest deleteItem(JsonInput in) {
        String tableName = null;
        Map<String, AttributeValue> key = null;
        WriteConditions conditions = new WriteConditions();
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "TableName" -> tableName = in.readString();
                case "Key" -> key = AttributeValueReader.readMap(in);
                default -> conditions.readMember(in);
            }
        }
        in.endRequest();
        return new DeleteItemRequest(tableName, key, conditions.conditionExpression, conditions.expressionAttributeNames,
                conditions.expressionAttributeValues, conditions.expected, conditions.conditionalOperator,
                conditions.returnValues, conditions.returnConsumedCapacity, conditions.returnItemCollectionMetrics,
                conditions.returnValuesOnConditionCheckFailure);
    }

    public static UpdateItemRequest updateItem(JsonInput in) {
        String tableName = null;
        Map<String, AttributeValue> key = null;
        Map<String, AttributeValueUpdate> attributeUpdates = null;
        String updateExpression = null;
        WriteConditions conditions = new WriteConditions();
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "TableName" -> tableName = in.readString();
                case "Key" -> key = AttributeValueReader.readMap(in);
                case "AttributeUpdates" -> attributeUpdates = readAttributeUpdates(in);
                case "UpdateExpression" -> updateExpression = in.readString();
                default -> conditions.readMember(in);
            }
        }
        in.endRequest();
        return new UpdateItemRequest(tableName, key, attributeUpdates, conditions.expected, conditions.conditionalOperator,
                conditions.returnValues, conditions.returnConsumedCapacity, conditions.returnItemCollectionMetrics,
                updateExpression, conditions.conditionExpression, conditions.expressionAttributeNames,
                conditions.expressionAttributeValues, conditions.returnValuesOnConditionCheckFailure);
    }

    public static GetItemRequest getItem(JsonInput in) {
        String tableName = null;
        Map<String, AttributeValue> key = null;
        Boolean consistentRead = null;
        String projectionExpression = null;
        Map<String, String> expressionAttributeNames = null;
        List<String> attributesToGet = null;
        String returnConsumedCapacity = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "TableName" -> tableName = in.readString();
                case "Key" -> key = AttributeValueReader.readMap(in);
                case "ConsistentRead" -> consistentRead = in.readBoolean();
                case "ProjectionExpression" -> projectionExpression = in.readString();
                case "ExpressionAttributeNames" -> expressionAttributeNames = in.readStringMap();
                case "AttributesToGet" -> attributesToGet = in.readStringList();
                case "ReturnConsumedCapacity" -> returnConsumedCapacity = in.readString();
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new GetItemRequest(tableName, key, consistentRead, projectionExpression, expressionAttributeNames,
                attributesToGet, returnConsumedCapacity);
    }

    /** The legacy {@code AttributeUpdates} map of UpdateItem: attribute name to {Value, Action}. */
    private static Map<String, AttributeValueUpdate> readAttributeUpdates(JsonInput in) {
        return in.readMap(SerializationErrors.MODEL_PACKAGE + ATTRIBUTE_VALUE_UPDATE, () -> {
            if (!in.beginStruct(ATTRIBUTE_VALUE_UPDATE, Placement.ELEMENT)) {
                return null;
            }
            AttributeValue value = null;
            String action = null;
            while (in.nextMember()) {
                switch (in.memberName()) {
                    case "Value" -> value = AttributeValueReader.readField(in);
                    case "Action" -> action = in.readString();
                    default -> in.skipValue();
                }
            }
            return new AttributeValueUpdate(value, action);
        });
    }

    /** The members PutItem, UpdateItem and DeleteItem share: the conditional write and what to return. */
    private static final class WriteConditions {
        String conditionExpression;
        Map<String, String> expressionAttributeNames;
        Map<String, AttributeValue> expressionAttributeValues;
        Map<String, ExpectedAttributeValue> expected;
        String conditionalOperator;
        String returnValues;
        String returnConsumedCapacity;
        String returnItemCollectionMetrics;
        String returnValuesOnConditionCheckFailure;

        void readMember(JsonInput in) {
            switch (in.memberName()) {
                case "ConditionExpression" -> conditionExpression = in.readString();
                case "ExpressionAttributeNames" -> expressionAttributeNames = in.readStringMap();
                case "ExpressionAttributeValues" -> expressionAttributeValues = AttributeValueReader.readMap(in);
                case "Expected" -> expected = ConditionReader.readExpected(in);
                case "ConditionalOperator" -> conditionalOperator = in.readString();
                case "ReturnValues" -> returnValues = in.readString();
                case "ReturnConsumedCapacity" -> returnConsumedCapacity = in.readString();
                case "ReturnItemCollectionMetrics" -> returnItemCollectionMetrics = in.readString();
                case "ReturnValuesOnConditionCheckFailure" -> returnValuesOnConditionCheckFailure = in.readString();
                default -> in.skipValue();
            }
        }
    }
}
