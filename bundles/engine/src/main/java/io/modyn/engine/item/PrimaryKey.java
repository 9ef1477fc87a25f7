package io.modyn.engine.item;

import io.modyn.api.model.AttributeValue;
import java.util.Map;

/**
 * An item's primary key: its storage encoding and the key attributes themselves (which become a
 * LastEvaluatedKey or the key part of a response).
 */
public record PrimaryKey(byte[] partition, byte[] sort, Map<String, AttributeValue> attributes) {
}
