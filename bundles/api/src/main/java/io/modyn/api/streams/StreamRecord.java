package io.modyn.api.streams;

import io.modyn.api.model.AttributeValue;
import java.time.Instant;
import java.util.Map;

/** The "dynamodb" part of a stream record: what changed; images are null when the view type leaves them out. */
public record StreamRecord(
        Instant approximateCreationDateTime,
        Map<String, AttributeValue> keys,
        Map<String, AttributeValue> newImage,
        Map<String, AttributeValue> oldImage,
        String sequenceNumber,
        long sizeBytes,
        String streamViewType) {
}
