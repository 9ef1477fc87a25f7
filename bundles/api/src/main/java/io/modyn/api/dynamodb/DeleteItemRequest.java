package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeValue;
import java.util.Map;

/** Unset members are null. */
public record DeleteItemRequest(
        String tableName,
        Map<String, AttributeValue> key,
        String conditionExpression,
        Map<String, String> expressionAttributeNames,
        Map<String, AttributeValue> expressionAttributeValues,
        Map<String, ExpectedAttributeValue> expected,
        String conditionalOperator,
        String returnValues,
        String returnConsumedCapacity,
        String returnItemCollectionMetrics,
        String returnValuesOnConditionCheckFailure) {
}
