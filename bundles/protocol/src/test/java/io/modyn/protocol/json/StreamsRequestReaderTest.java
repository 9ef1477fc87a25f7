package io.modyn.protocol.json;

import static io.modyn.protocol.json.CodecFixture.assertSerialization;
import static io.modyn.protocol.json.CodecFixture.read;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.api.streams.DescribeStreamRequest;
import io.modyn.api.streams.GetRecordsRequest;
import io.modyn.api.streams.GetShardIteratorRequest;
import io.modyn.api.streams.ListStreamsRequest;
import org.junit.jupiter.api.Test;

class StreamsRequestReaderTest {

    private static final String STREAM = "arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2024-01-01T00:00:00.000";

    @Test
    void eachRequestReadsItsMembers() {
        assertEquals(new ListStreamsRequest("t", 5, STREAM),
                read(StreamsRequestReader::listStreams, "{\"TableName\":\"t\",\"Limit\":5,\"ExclusiveStartStreamArn\":\"" + STREAM + "\"}"));
        assertEquals(new DescribeStreamRequest(STREAM, 10, "shardId-1"),
                read(StreamsRequestReader::describeStream, "{\"StreamArn\":\"" + STREAM + "\",\"Limit\":10,\"ExclusiveStartShardId\":\"shardId-1\"}"));
        assertEquals(new GetShardIteratorRequest(STREAM, "shardId-1", "AFTER_SEQUENCE_NUMBER", "000100"),
                read(StreamsRequestReader::getShardIterator, "{\"StreamArn\":\"" + STREAM + "\",\"ShardId\":\"shardId-1\","
                        + "\"ShardIteratorType\":\"AFTER_SEQUENCE_NUMBER\",\"SequenceNumber\":\"000100\"}"));
        assertEquals(new GetRecordsRequest("iterator", 1000), read(StreamsRequestReader::getRecords, "{\"ShardIterator\":\"iterator\",\"Limit\":1000}"));
    }

    @Test
    void absentMembersAreNullAndUnknownOnesSkipped() {
        assertEquals(new ListStreamsRequest(null, null, null), read(StreamsRequestReader::listStreams, "{\"Other\":{\"a\":[1]}}"));
        assertEquals(new GetRecordsRequest(null, null), read(StreamsRequestReader::getRecords, "{\"ShardIterator\":null}"));
    }

    @Test
    void wronglyTypedMembersAreRefusedLikeDynamoDb() {
        assertSerialization(StreamsRequestReader::getRecords, "{\"Limit\":\"5\"}", "STRING_VALUE cannot be converted to Integer");
        assertSerialization(StreamsRequestReader::getShardIterator, "{\"SequenceNumber\":100}", "NUMBER_VALUE cannot be converted to String");
        assertSerialization(StreamsRequestReader::describeStream, "{\"StreamArn\":{}}", "Start of structure or map found where not expected");
        assertSerialization(StreamsRequestReader::listStreams, "{\"TableName\":[]}", "Unrecognized collection type class java.lang.String");
        assertSerialization(StreamsRequestReader::getRecords, "{\"ShardIterator\":", null);
    }
}
