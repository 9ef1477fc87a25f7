package io.modyn.protocol.json;

import io.modyn.api.streams.DescribeStreamRequest;
import io.modyn.api.streams.GetRecordsRequest;
import io.modyn.api.streams.GetShardIteratorRequest;
import io.modyn.api.streams.ListStreamsRequest;

/**
 * Reads the DynamoDB Streams requests: ListStreams, DescribeStream, GetShardIterator and
 * GetRecords. Their members are all strings and integers; the engine validates them.
 */
public final class StreamsRequestReader {

    private StreamsRequestReader() {
    }

    public static ListStreamsRequest listStreams(JsonInput in) {
        String tableName = null;
        Integer limit = null;
        String exclusiveStartStreamArn = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "TableName" -> tableName = in.readString();
                case "Limit" -> limit = in.readInteger();
                case "ExclusiveStartStreamArn" -> exclusiveStartStreamArn = in.readString();
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new ListStreamsRequest(tableName, limit, exclusiveStartStreamArn);
    }

    public static DescribeStreamRequest describeStream(JsonInput in) {
        String streamArn = null;
        Integer limit = null;
        String exclusiveStartShardId = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "StreamArn" -> streamArn = in.readString();
                case "Limit" -> limit = in.readInteger();
                case "ExclusiveStartShardId" -> exclusiveStartShardId = in.readString();
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new DescribeStreamRequest(streamArn, limit, exclusiveStartShardId);
    }

    public static GetShardIteratorRequest getShardIterator(JsonInput in) {
        String streamArn = null;
        String shardId = null;
        String shardIteratorType = null;
        String sequenceNumber = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "StreamArn" -> streamArn = in.readString();
                case "ShardId" -> shardId = in.readString();
                case "ShardIteratorType" -> shardIteratorType = in.readString();
                case "SequenceNumber" -> sequenceNumber = in.readString();
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new GetShardIteratorRequest(streamArn, shardId, shardIteratorType, sequenceNumber);
    }

    public static GetRecordsRequest getRecords(JsonInput in) {
        String shardIterator = null;
        Integer limit = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "ShardIterator" -> shardIterator = in.readString();
                case "Limit" -> limit = in.readInteger();
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new GetRecordsRequest(shardIterator, limit);
    }
}
