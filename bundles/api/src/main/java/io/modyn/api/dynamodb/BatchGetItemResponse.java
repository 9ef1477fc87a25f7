package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeValue;
import java.util.List;
import java.util.Map;

/** {@code consumedCapacity} is null unless requested; {@code unprocessedKeys} is empty when all were read. */
public record BatchGetItemResponse(
        Map<String, List<Map<String, AttributeValue>>> responses,
        Map<String, KeysAndAttributes> unprocessedKeys,
        List<ConsumedCapacity> consumedCapacity) {
}
