package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * A read transaction answers one item per statement in request order (null for an item that does
 * not exist); a write transaction answers no responses (null). Since 1.7.
 */
public record ExecuteTransactionResponse(List<Map<String, AttributeValue>> responses, List<ConsumedCapacity> consumedCapacity) {
}
