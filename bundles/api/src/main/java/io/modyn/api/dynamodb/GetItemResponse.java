package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeValue;
import java.util.Map;

/** {@code item} is null when no item has the key (the wire response then has no Item member). */
public record GetItemResponse(Map<String, AttributeValue> item, ConsumedCapacity consumedCapacity) {
}
