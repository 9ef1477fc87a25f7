package io.modyn.engine.stream;

import io.modyn.api.streams.ChangeRecord;
import io.modyn.api.streams.Identity;
import io.modyn.api.streams.StreamRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Turns stored stream records into the records GetRecords returns and listeners receive. */
final class ChangeRecords {

    static final String EVENT_VERSION = "1.1";
    static final String EVENT_SOURCE = "aws:dynamodb";
    /** Who DynamoDB names as the author of the deletions TTL makes. */
    static final Identity TIME_TO_LIVE = new Identity("dynamodb.amazonaws.com", "Service");

    private final String region;

    ChangeRecords(String region) {
        this.region = region;
    }

    /**
     * The API form of a record. The event id is derived from the stream and the sequence number,
     * so that reading a record twice gives the same id. The creation time is rounded down to the
     * second, as DynamoDB Streams reports it.
     */
    ChangeRecord of(StoredChange change, StreamInfo stream, String streamArn) {
        String sequence = SequenceNumbers.format(change.sequence());
        String eventId = UUID.nameUUIDFromBytes((streamArn + "#" + sequence).getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
        StreamRecord record = new StreamRecord(Instant.ofEpochSecond(Math.floorDiv(change.createdMillis(), 1000)), change.keys(),
                change.newImage(), change.oldImage(), sequence, change.sizeBytes(), stream.viewType());
        return new ChangeRecord(eventId, change.eventName(), EVENT_VERSION, EVENT_SOURCE, region, record,
                change.byService() ? TIME_TO_LIVE : null);
    }
}
