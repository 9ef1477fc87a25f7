package io.modyn.protocol.json;

import io.modyn.api.dynamodb.BatchGetItemRequest;
import io.modyn.api.dynamodb.BatchWriteItemRequest;
import io.modyn.api.dynamodb.KeysAndAttributes;
import io.modyn.api.dynamodb.WriteRequest;
import io.modyn.api.model.AttributeValue;
import io.modyn.protocol.json.JsonInput.Placement;
import java.util.List;
import java.util.Map;

/**
 * Reads the batch requests: BatchGetItem and BatchWriteItem. {@code RequestItems} keeps the order
 * of the request body, which is the order the engine works through the tables.
 *
 * <p>A WriteRequest is read as it comes: one with both or neither of PutRequest and DeleteRequest,
 * or a null element, is passed on for the engine to refuse with DynamoDB's message.
 */
public final class BatchRequestReader {

    private static final String KEYS_AND_ATTRIBUTES = "KeysAndAttributes";
    private static final String WRITE_REQUEST = "WriteRequest";
    private static final String WRITE_REQUEST_LIST = "java.util.List<" + SerializationErrors.MODEL_PACKAGE + WRITE_REQUEST + ">";

    private BatchRequestReader() {
    }

    public static BatchGetItemRequest batchGetItem(JsonInput in) {
        Map<String, KeysAndAttributes> requestItems = null;
        String returnConsumedCapacity = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "RequestItems" -> requestItems =
                        in.readMap(SerializationErrors.MODEL_PACKAGE + KEYS_AND_ATTRIBUTES, () -> readKeysAndAttributes(in));
                case "ReturnConsumedCapacity" -> returnConsumedCapacity = in.readString();
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new BatchGetItemRequest(requestItems, returnConsumedCapacity);
    }

    public static BatchWriteItemRequest batchWriteItem(JsonInput in) {
        Map<String, List<WriteRequest>> requestItems = null;
        String returnConsumedCapacity = null;
        String returnItemCollectionMetrics = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "RequestItems" -> requestItems = in.readMap(WRITE_REQUEST_LIST,
                        () -> in.readList(Placement.ELEMENT, () -> readWriteRequest(in)));
                case "ReturnConsumedCapacity" -> returnConsumedCapacity = in.readString();
                case "ReturnItemCollectionMetrics" -> returnItemCollectionMetrics = in.readString();
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new BatchWriteItemRequest(requestItems, returnConsumedCapacity, returnItemCollectionMetrics);
    }

    private static KeysAndAttributes readKeysAndAttributes(JsonInput in) {
        if (!in.beginStruct(KEYS_AND_ATTRIBUTES, Placement.ELEMENT)) {
            return null;
        }
        List<Map<String, AttributeValue>> keys = null;
        List<String> attributesToGet = null;
        Boolean consistentRead = null;
        String projectionExpression = null;
        Map<String, String> expressionAttributeNames = null;
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "Keys" -> keys = AttributeValueReader.readMapList(in);
                case "AttributesToGet" -> attributesToGet = in.readStringList();
                case "ConsistentRead" -> consistentRead = in.readBoolean();
                case "ProjectionExpression" -> projectionExpression = in.readString();
                case "ExpressionAttributeNames" -> expressionAttributeNames = in.readStringMap();
                default -> in.skipValue();
            }
        }
        return new KeysAndAttributes(keys, attributesToGet, consistentRead, projectionExpression, expressionAttributeNames);
    }

    private static WriteRequest readWriteRequest(JsonInput in) {
        if (!in.beginStruct(WRITE_REQUEST, Placement.ELEMENT)) {
            return null;
        }
        Map<String, AttributeValue> putItem = null;
        Map<String, AttributeValue> deleteKey = null;
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "PutRequest" -> putItem = readWrappedMap(in, "PutRequest", "Item");
                case "DeleteRequest" -> deleteKey = readWrappedMap(in, "DeleteRequest", "Key");
                default -> in.skipValue();
            }
        }
        return new WriteRequest(putItem, deleteKey);
    }

    /** A PutRequest's Item or a DeleteRequest's Key: a structure whose one member is an attribute map. */
    private static Map<String, AttributeValue> readWrappedMap(JsonInput in, String shape, String member) {
        if (!in.beginStruct(shape, Placement.FIELD)) {
            return null;
        }
        Map<String, AttributeValue> attributes = null;
        while (in.nextMember()) {
            if (in.memberName().equals(member)) {
                attributes = AttributeValueReader.readMap(in);
            } else {
                in.skipValue();
            }
        }
        return attributes;
    }
}
