package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeValue;
import java.util.Map;

public record DeleteItemResponse(
        Map<String, AttributeValue> attributes, ConsumedCapacity consumedCapacity, ItemCollectionMetrics itemCollectionMetrics) {
}
