package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeValue;
import java.util.Map;

public record TransactGet(
        String tableName, Map<String, AttributeValue> key, String projectionExpression, Map<String, String> expressionAttributeNames) {
}
