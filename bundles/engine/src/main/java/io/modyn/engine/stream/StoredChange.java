package io.modyn.engine.stream;

import io.modyn.api.model.AttributeValue;
import java.util.Map;

/**
 * One stream record as stored: what changed, when, and the images the stream's view type keeps.
 *
 * @param sequence the record's sequence number in its stream (the storage sort key)
 * @param eventName INSERT, MODIFY or REMOVE
 * @param byService true when DynamoDB itself made the change (a TTL deletion)
 * @param oldImage null when the view type leaves it out or the item did not exist
 * @param newImage null when the view type leaves it out or the item was deleted
 * @param sizeBytes the size of the keys and images, as DynamoDB reports it in SizeBytes
 */
record StoredChange(long sequence, String eventName, long createdMillis, boolean byService, Map<String, AttributeValue> keys,
        Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage, long sizeBytes) {

    static final String INSERT = "INSERT";
    static final String MODIFY = "MODIFY";
    static final String REMOVE = "REMOVE";
}
