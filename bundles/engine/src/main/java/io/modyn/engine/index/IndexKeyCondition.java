package io.modyn.engine.index;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.storage.KeyRange;
import java.util.List;

/**
 * An index Query's key condition reduced to what storage needs: the index partition to read and
 * the range of entry sort keys within it (see {@link IndexKeyCodec}); with the partition key
 * values the condition names, in key schema order (authorization's dynamodb:LeadingKeys).
 */
public record IndexKeyCondition(List<AttributeValue> partitionValues, byte[] partition, KeyRange sortRange) {
}
