package io.modyn.api.dynamodb;

import java.util.List;

public record TransactGetItemsRequest(List<TransactGetItem> transactItems, String returnConsumedCapacity) {
}
