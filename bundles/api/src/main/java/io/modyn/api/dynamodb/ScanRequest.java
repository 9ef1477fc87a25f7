package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeValue;
import java.util.List;
import java.util.Map;

/** Unset members are null. */
public record ScanRequest(
        String tableName,
        String indexName,
        List<String> attributesToGet,
        Integer limit,
        String select,
        Map<String, Condition> scanFilter,
        String conditionalOperator,
        Map<String, AttributeValue> exclusiveStartKey,
        String returnConsumedCapacity,
        Integer totalSegments,
        Integer segment,
        String projectionExpression,
        String filterExpression,
        Map<String, String> expressionAttributeNames,
        Map<String, AttributeValue> expressionAttributeValues,
        Boolean consistentRead) {
}
