package io.modyn.api.dynamodb;

import java.util.List;
import java.util.Map;

/** {@code unprocessedItems} is empty when everything was written; the others are null unless requested. */
public record BatchWriteItemResponse(
        Map<String, List<WriteRequest>> unprocessedItems,
        Map<String, List<ItemCollectionMetrics>> itemCollectionMetrics,
        List<ConsumedCapacity> consumedCapacity) {
}
