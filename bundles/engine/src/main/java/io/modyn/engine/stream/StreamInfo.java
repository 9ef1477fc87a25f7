package io.modyn.engine.stream;

import io.modyn.api.model.KeySchemaElement;
import java.time.Instant;
import java.util.List;

/**
 * What is known of one stream: its key, the table it belongs to (by id, since a table of the same
 * name may have been created since), its view type and key schema, and the sequence number and
 * time of its last record (0 when it has none).
 *
 * @param viewType null only for a stream that was disabled before it recorded anything and whose
 *        table no longer says what it was
 */
record StreamInfo(StreamKey key, String tableId, String viewType, List<KeySchemaElement> keySchema, long lastSequence,
        long lastWriteMillis) {

    StreamInfo {
        keySchema = List.copyOf(keySchema);
    }

    /** The storage keyspace of the stream's records. */
    String keyspace() {
        return "stream." + tableId + "." + key.label().replaceAll("[^0-9]", "");
    }

    /**
     * The id of the stream's one shard, shaped as DynamoDB's ({@code shardId-<20 digits>-<8 hex>}):
     * the stream's creation time in milliseconds and a part of the table id.
     */
    String shardId() {
        return String.format("shardId-%020d-%s", createdAt().toEpochMilli(), tableId.replace("-", "").substring(0, 8));
    }

    /** When the stream was enabled, which its label tells. */
    Instant createdAt() {
        return StreamLabels.parse(key.label());
    }

    /** This stream after one more record, written at the given time. */
    StreamInfo advanced(long writeMillis) {
        return new StreamInfo(key, tableId, viewType, keySchema, lastSequence + 1, writeMillis);
    }
}
