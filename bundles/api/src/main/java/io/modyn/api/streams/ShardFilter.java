package io.modyn.api.streams;

/**
 * DescribeStream's ShardFilter: list only the shards of the given kind related to {@code shardId};
 * the one kind DynamoDB has is {@code CHILD_SHARDS}, the shards split from that parent.
 * Unset members are null.
 */
public record ShardFilter(String type, String shardId) {
}
