package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * {@code items} is never null (a write without RETURNING answers an empty list); {@code nextToken}
 * and {@code lastEvaluatedKey} are null on a read's last page. Since 1.7.
 */
public record ExecuteStatementResponse(
        List<Map<String, AttributeValue>> items,
        String nextToken,
        ConsumedCapacity consumedCapacity,
        Map<String, AttributeValue> lastEvaluatedKey) {
}
