package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeValue;
import java.util.Map;

/** One write of a BatchWriteItem: exactly one of {@code putItem} (a PutRequest's Item) or {@code deleteKey} (a DeleteRequest's Key). */
public record WriteRequest(Map<String, AttributeValue> putItem, Map<String, AttributeValue> deleteKey) {
}
