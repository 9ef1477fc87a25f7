package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeValue;
import java.util.List;
import java.util.Map;

/** Unset members are null. */
public record QueryRequest(
        String tableName,
        String indexName,
        String select,
        List<String> attributesToGet,
        Integer limit,
        Boolean consistentRead,
        Map<String, Condition> keyConditions,
        Map<String, Condition> queryFilter,
        String conditionalOperator,
        Boolean scanIndexForward,
        Map<String, AttributeValue> exclusiveStartKey,
        String returnConsumedCapacity,
        String projectionExpression,
        String filterExpression,
        String keyConditionExpression,
        Map<String, String> expressionAttributeNames,
        Map<String, AttributeValue> expressionAttributeValues) {
}
