package io.modyn.api.dynamodb;

import java.util.List;

/** Unset members are null. */
public record TransactWriteItemsRequest(
        List<TransactWriteItem> transactItems, String returnConsumedCapacity, String returnItemCollectionMetrics, String clientRequestToken) {
}
