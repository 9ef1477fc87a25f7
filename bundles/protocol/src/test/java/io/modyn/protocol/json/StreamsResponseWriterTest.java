package io.modyn.protocol.json;

import static io.modyn.protocol.json.CodecFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.streams.ChangeRecord;
import io.modyn.api.streams.DescribeStreamResponse;
import io.modyn.api.streams.GetRecordsResponse;
import io.modyn.api.streams.GetShardIteratorResponse;
import io.modyn.api.streams.Identity;
import io.modyn.api.streams.ListStreamsResponse;
import io.modyn.api.streams.SequenceNumberRange;
import io.modyn.api.streams.Shard;
import io.modyn.api.streams.StreamDescription;
import io.modyn.api.streams.StreamRecord;
import io.modyn.api.streams.StreamSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamsResponseWriterTest {

    private static final String STREAM = "arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2024-01-01T00:00:00.000";

    @Test
    void listStreamsAlwaysHasStreamsAndPagesByArn() {
        assertEquals("{\"Streams\":[]}", write(StreamsResponseWriter::listStreams, new ListStreamsResponse(List.of(), null)));
        assertEquals("{\"Streams\":[{\"StreamArn\":\"" + STREAM + "\",\"TableName\":\"t\",\"StreamLabel\":\"2024-01-01T00:00:00.000\"}],"
                        + "\"LastEvaluatedStreamArn\":\"" + STREAM + "\"}",
                write(StreamsResponseWriter::listStreams, new ListStreamsResponse(
                        List.of(new StreamSummary(STREAM, "t", "2024-01-01T00:00:00.000")), STREAM)));
    }

    @Test
    void describeStreamWritesTheShardsWithOpenRangesLeftOpen() {
        StreamDescription description = new StreamDescription(STREAM, "2024-01-01T00:00:00.000", "ENABLED", "NEW_AND_OLD_IMAGES",
                Instant.ofEpochMilli(1_704_067_200_123L), "t", List.of(new KeySchemaElement("id", "HASH")),
                List.of(new Shard("shardId-1", null, new SequenceNumberRange("100", "200")),
                        new Shard("shardId-2", "shardId-1", new SequenceNumberRange("300", null))), null);
        assertEquals("{\"StreamDescription\":{\"StreamArn\":\"" + STREAM + "\",\"StreamLabel\":\"2024-01-01T00:00:00.000\","
                        + "\"StreamStatus\":\"ENABLED\",\"StreamViewType\":\"NEW_AND_OLD_IMAGES\",\"CreationRequestDateTime\":1704067200.123,"
                        + "\"TableName\":\"t\",\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],\"Shards\":["
                        + "{\"ShardId\":\"shardId-1\",\"SequenceNumberRange\":{\"StartingSequenceNumber\":\"100\",\"EndingSequenceNumber\":\"200\"}},"
                        + "{\"ShardId\":\"shardId-2\",\"SequenceNumberRange\":{\"StartingSequenceNumber\":\"300\"},\"ParentShardId\":\"shardId-1\"}]}}",
                write(StreamsResponseWriter::describeStream, new DescribeStreamResponse(description)));
    }

    @Test
    void getShardIteratorWritesTheIterator() {
        assertEquals("{\"ShardIterator\":\"it\"}", write(StreamsResponseWriter::getShardIterator, new GetShardIteratorResponse("it")));
    }

    @Test
    void recordsUseTheStreamsApiSpellingAndWholeSecondTimestamps() {
        StreamRecord change = new StreamRecord(Instant.ofEpochMilli(1_704_067_200_987L), Map.of("id", AttributeValue.s("a")),
                Map.of("id", AttributeValue.s("a"), "n", AttributeValue.n(2)), Map.of("id", AttributeValue.s("a"), "n", AttributeValue.n(1)),
                "000000000000000000100", 42, "NEW_AND_OLD_IMAGES");
        ChangeRecord record = new ChangeRecord("ev-1", "MODIFY", "1.1", "aws:dynamodb", "us-east-1", change, null);

        String json = write(StreamsResponseWriter::getRecords, new GetRecordsResponse(List.of(record), "next"));

        assertEquals("{\"Records\":[{\"eventID\":\"ev-1\",\"eventName\":\"MODIFY\",\"eventVersion\":\"1.1\",\"eventSource\":\"aws:dynamodb\","
                + "\"awsRegion\":\"us-east-1\",\"dynamodb\":{\"ApproximateCreationDateTime\":1704067200,\"Keys\":{\"id\":{\"S\":\"a\"}},"
                + "\"NewImage\":" + image(json, "NewImage") + ",\"OldImage\":" + image(json, "OldImage") + ","
                + "\"SequenceNumber\":\"000000000000000000100\",\"SizeBytes\":42,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}}],"
                + "\"NextShardIterator\":\"next\"}", json);
        assertEquals(true, image(json, "NewImage").contains("\"n\":{\"N\":\"2\"}"), json);
        assertEquals(true, image(json, "OldImage").contains("\"n\":{\"N\":\"1\"}"), json);
    }

    @Test
    void aTimeToLiveDeletionNamesTheServiceAndAClosedShardEndsWithoutIterator() {
        StreamRecord change = new StreamRecord(Instant.ofEpochSecond(1_704_067_200L), Map.of("id", AttributeValue.s("a")), null, null,
                "7", 3, "KEYS_ONLY");
        ChangeRecord record = new ChangeRecord("ev-2", "REMOVE", "1.1", "aws:dynamodb", "us-east-1", change,
                new Identity("dynamodb.amazonaws.com", "Service"));

        assertEquals("{\"Records\":[{\"eventID\":\"ev-2\",\"eventName\":\"REMOVE\",\"eventVersion\":\"1.1\",\"eventSource\":\"aws:dynamodb\","
                        + "\"awsRegion\":\"us-east-1\",\"dynamodb\":{\"ApproximateCreationDateTime\":1704067200,\"Keys\":{\"id\":{\"S\":\"a\"}},"
                        + "\"SequenceNumber\":\"7\",\"SizeBytes\":3,\"StreamViewType\":\"KEYS_ONLY\"},"
                        + "\"userIdentity\":{\"PrincipalId\":\"dynamodb.amazonaws.com\",\"Type\":\"Service\"}}]}",
                write(StreamsResponseWriter::getRecords, new GetRecordsResponse(List.of(record), null)));
        assertEquals("{\"Records\":[],\"NextShardIterator\":\"n\"}",
                write(StreamsResponseWriter::getRecords, new GetRecordsResponse(List.of(), "n")));
    }

    /** The object written for one image: map order is not fixed, so the test takes it from the output. */
    private static String image(String json, String name) {
        int start = json.indexOf("\"" + name + "\":") + name.length() + 3;
        int depth = 0;
        for (int i = start; ; i++) {
            char c = json.charAt(i);
            if (c == '{') depth++;
            if (c == '}' && --depth == 0) return json.substring(start, i + 1);
        }
    }
}
