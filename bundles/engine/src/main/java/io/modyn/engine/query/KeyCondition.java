package io.modyn.engine.query;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.storage.KeyRange;

/**
 * A Query's key condition reduced to what storage needs: the partition to read and the range of
 * sort keys within it.
 */
public record KeyCondition(AttributeValue partitionValue, byte[] partition, KeyRange sortRange) {
}
