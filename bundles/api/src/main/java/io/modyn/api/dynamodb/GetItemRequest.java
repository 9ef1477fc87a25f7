package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeValue;
import java.util.List;
import java.util.Map;

/** Unset members are null. */
public record GetItemRequest(
        String tableName,
        Map<String, AttributeValue> key,
        Boolean consistentRead,
        String projectionExpression,
        Map<String, String> expressionAttributeNames,
        List<String> attributesToGet,
        String returnConsumedCapacity) {
}
