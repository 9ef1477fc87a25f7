package io.modyn.api.streams;

/** Unset members are null. */
public record DescribeStreamRequest(String streamArn, Integer limit, String exclusiveStartShardId, ShardFilter shardFilter) {

    /** A request without a ShardFilter. */
    public DescribeStreamRequest(String streamArn, Integer limit, String exclusiveStartShardId) {
        this(streamArn, limit, exclusiveStartShardId, null);
    }
}
