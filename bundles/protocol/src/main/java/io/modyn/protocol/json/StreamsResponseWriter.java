package io.modyn.protocol.json;

import io.modyn.api.streams.ChangeRecord;
import io.modyn.api.streams.DescribeStreamResponse;
import io.modyn.api.streams.GetRecordsResponse;
import io.modyn.api.streams.GetShardIteratorResponse;
import io.modyn.api.streams.ListStreamsResponse;
import io.modyn.api.streams.SequenceNumberRange;
import io.modyn.api.streams.Shard;
import io.modyn.api.streams.StreamDescription;
import io.modyn.api.streams.StreamSummary;
import jakarta.json.stream.JsonGenerator;

/**
 * Writes the DynamoDB Streams responses in the shapes of the DynamoDB Streams API reference.
 * The lists ({@code Streams}, {@code Shards}, {@code Records}) are always there, empty when
 * there is nothing; other null members are left out: no {@code NextShardIterator} once a closed
 * shard has been read to its end, no {@code EndingSequenceNumber} while a shard is open.
 */
public final class StreamsResponseWriter {

    private StreamsResponseWriter() {
    }

    public static void listStreams(JsonGenerator out, ListStreamsResponse response) {
        out.writeStartObject();
        out.writeStartArray("Streams");
        if (response.streams() != null) {
            for (StreamSummary stream : response.streams()) {
                out.writeStartObject();
                writeIfPresent(out, "StreamArn", stream.streamArn());
                writeIfPresent(out, "TableName", stream.tableName());
                writeIfPresent(out, "StreamLabel", stream.streamLabel());
                out.writeEnd();
            }
        }
        out.writeEnd();
        writeIfPresent(out, "LastEvaluatedStreamArn", response.lastEvaluatedStreamArn());
        out.writeEnd();
    }

    public static void describeStream(JsonGenerator out, DescribeStreamResponse response) {
        out.writeStartObject();
        StreamDescription stream = response.streamDescription();
        if (stream != null) {
            out.writeStartObject("StreamDescription");
            writeIfPresent(out, "StreamArn", stream.streamArn());
            writeIfPresent(out, "StreamLabel", stream.streamLabel());
            writeIfPresent(out, "StreamStatus", stream.streamStatus());
            writeIfPresent(out, "StreamViewType", stream.streamViewType());
            Timestamps.write(out, "CreationRequestDateTime", stream.creationRequestDateTime());
            writeIfPresent(out, "TableName", stream.tableName());
            if (stream.keySchema() != null) {
                TableDescriptionWriter.writeKeySchema(out, stream.keySchema());
            }
            out.writeStartArray("Shards");
            if (stream.shards() != null) {
                stream.shards().forEach(shard -> writeShard(out, shard));
            }
            out.writeEnd();
            writeIfPresent(out, "LastEvaluatedShardId", stream.lastEvaluatedShardId());
            out.writeEnd();
        }
        out.writeEnd();
    }

    public static void getShardIterator(JsonGenerator out, GetShardIteratorResponse response) {
        out.writeStartObject();
        writeIfPresent(out, "ShardIterator", response.shardIterator());
        out.writeEnd();
    }

    public static void getRecords(JsonGenerator out, GetRecordsResponse response) {
        out.writeStartObject();
        out.writeStartArray("Records");
        if (response.records() != null) {
            for (ChangeRecord record : response.records()) {
                StreamRecordWriter.write(out, record);
            }
        }
        out.writeEnd();
        writeIfPresent(out, "NextShardIterator", response.nextShardIterator());
        out.writeEnd();
    }

    private static void writeShard(JsonGenerator out, Shard shard) {
        out.writeStartObject();
        writeIfPresent(out, "ShardId", shard.shardId());
        SequenceNumberRange range = shard.sequenceNumberRange();
        if (range != null) {
            out.writeStartObject("SequenceNumberRange");
            writeIfPresent(out, "StartingSequenceNumber", range.startingSequenceNumber());
            writeIfPresent(out, "EndingSequenceNumber", range.endingSequenceNumber());
            out.writeEnd();
        }
        writeIfPresent(out, "ParentShardId", shard.parentShardId());
        out.writeEnd();
    }

    private static void writeIfPresent(JsonGenerator out, String name, String value) {
        if (value != null) {
            out.write(name, value);
        }
    }
}
