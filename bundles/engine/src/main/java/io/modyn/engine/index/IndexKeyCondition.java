package io.modyn.engine.index;

import io.modyn.api.storage.KeyRange;

/**
 * An index Query's key condition reduced to what storage needs: the index partition to read and
 * the range of entry sort keys within it (see {@link IndexKeyCodec}).
 */
public record IndexKeyCondition(byte[] partition, KeyRange sortRange) {
}
