package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeValue;
import java.util.List;
import java.util.Map;

/** The keys to read from one table in a BatchGetItem, and how; unset members are null. */
public record KeysAndAttributes(
        List<Map<String, AttributeValue>> keys,
        List<String> attributesToGet,
        Boolean consistentRead,
        String projectionExpression,
        Map<String, String> expressionAttributeNames) {
}
