package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeValue;
import java.util.List;
import java.util.Map;

/** Size estimate of the item collection a write touched (tables with local secondary indexes). */
public record ItemCollectionMetrics(Map<String, AttributeValue> itemCollectionKey, List<Double> sizeEstimateRangeGB) {
}
