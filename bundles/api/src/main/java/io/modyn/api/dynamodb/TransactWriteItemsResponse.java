package io.modyn.api.dynamodb;

import java.util.List;
import java.util.Map;

/** Members are null unless requested. */
public record TransactWriteItemsResponse(
        List<ConsumedCapacity> consumedCapacity, Map<String, List<ItemCollectionMetrics>> itemCollectionMetrics) {
}
