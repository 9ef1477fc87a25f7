package io.modyn.api.dynamodb;

import java.util.List;
import java.util.Map;

/** Unset members are null; {@code requestItems} keeps the order of the request. */
public record BatchWriteItemRequest(
        Map<String, List<WriteRequest>> requestItems, String returnConsumedCapacity, String returnItemCollectionMetrics) {
}
