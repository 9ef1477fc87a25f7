package io.modyn.protocol.json;

import io.modyn.api.streams.DescribeStreamRequest;
import io.modyn.api.streams.GetRecordsRequest;
import io.modyn.api.streams.GetShardIteratorRequest;
import io.modyn.api.streams.ListStreamsRequest;
import io.modyn.api.streams.ShardFilter;

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
        ShardFilter shardFilter = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "StreamArn" -> streamArn = in.readString();
                case "Limit" -> limit = in.readInteger();
                case "ExclusiveStartShardId" -> exclusiveStartShardId = in.readString();
                case "ShardFilter" -> shardFilter = readShardFilter(in);
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new DescribeStreamRequest(streamArn, limit, exclusiveStartShardId, shardFilter);
    }

    private static ShardFilter readShardFilter(JsonInput in) {
        if (!in.beginStruct("ShardFilter", JsonInput.Placement.FIELD)) {
            return null;
        }
        String type = null;
        String shardId = null;
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "Type" -> type = in.readString();
                case "ShardId" -> shardId = in.readString();
                default -> in.skipValue();
            }
        }
        return new ShardFilter(type, shardId);
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
