package io.modyn.protocol.json;

import io.modyn.api.streams.ChangeRecord;
import io.modyn.api.streams.Identity;
import io.modyn.api.streams.StreamRecord;
import jakarta.json.stream.JsonGenerator;

/**
 * Writes one stream record of GetRecords. DynamoDB Streams spells the record's own members in
 * lower camel case ({@code eventID}, {@code awsRegion}, {@code dynamodb}, {@code userIdentity})
 * but those inside {@code dynamodb} and {@code userIdentity} in upper camel case
 * ({@code SequenceNumber}, {@code PrincipalId}); the SDKs read exactly these names.
 * {@code ApproximateCreationDateTime} is whole epoch seconds; images the view type leaves out,
 * and {@code userIdentity} of changes a client made, are left out.
 */
final class StreamRecordWriter {

    private StreamRecordWriter() {
    }

    static void write(JsonGenerator out, ChangeRecord record) {
        out.writeStartObject();
        writeIfPresent(out, "eventID", record.eventID());
        writeIfPresent(out, "eventName", record.eventName());
        writeIfPresent(out, "eventVersion", record.eventVersion());
        writeIfPresent(out, "eventSource", record.eventSource());
        writeIfPresent(out, "awsRegion", record.awsRegion());
        if (record.dynamodb() != null) {
            writeChange(out, record.dynamodb());
        }
        Identity identity = record.userIdentity();
        if (identity != null) {
            out.writeStartObject("userIdentity");
            writeIfPresent(out, "PrincipalId", identity.principalId());
            writeIfPresent(out, "Type", identity.type());
            out.writeEnd();
        }
        out.writeEnd();
    }

    private static void writeChange(JsonGenerator out, StreamRecord change) {
        out.writeStartObject("dynamodb");
        Timestamps.writeWholeSeconds(out, "ApproximateCreationDateTime", change.approximateCreationDateTime());
        AttributeValueWriter.writeMap(out, "Keys", change.keys());
        AttributeValueWriter.writeMap(out, "NewImage", change.newImage());
        AttributeValueWriter.writeMap(out, "OldImage", change.oldImage());
        writeIfPresent(out, "SequenceNumber", change.sequenceNumber());
        out.write("SizeBytes", change.sizeBytes());
        writeIfPresent(out, "StreamViewType", change.streamViewType());
        out.writeEnd();
    }

    private static void writeIfPresent(JsonGenerator out, String name, String value) {
        if (value != null) {
            out.write(name, value);
        }
    }
}
