package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeValue;
import java.util.List;
import java.util.Map;

/** {@code items} is null for {@code Select=COUNT}; {@code lastEvaluatedKey} null on the last page. */
public record ScanResponse(
        List<Map<String, AttributeValue>> items,
        int count,
        int scannedCount,
        Map<String, AttributeValue> lastEvaluatedKey,
        ConsumedCapacity consumedCapacity) {
}
