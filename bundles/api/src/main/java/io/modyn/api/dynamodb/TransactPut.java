package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeValue;
import java.util.Map;

public record TransactPut(
        String tableName,
        Map<String, AttributeValue> item,
        String conditionExpression,
        Map<String, String> expressionAttributeNames,
        Map<String, AttributeValue> expressionAttributeValues,
        String returnValuesOnConditionCheckFailure) {
}
