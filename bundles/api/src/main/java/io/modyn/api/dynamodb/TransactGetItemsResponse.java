package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeValue;
import java.util.List;
import java.util.Map;

/** One entry per Get, in request order; an entry is null when the item does not exist (an empty ItemResponse on the wire). */
public record TransactGetItemsResponse(List<Map<String, AttributeValue>> responses, List<ConsumedCapacity> consumedCapacity) {
}
