package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeValue;
import java.util.Map;

public record TransactConditionCheck(
        String tableName,
        Map<String, AttributeValue> key,
        String conditionExpression,
        Map<String, String> expressionAttributeNames,
        Map<String, AttributeValue> expressionAttributeValues,
        String returnValuesOnConditionCheckFailure) {
}
