package io.modyn.api.streams;

/** Unset members are null. */
public record DescribeStreamRequest(String streamArn, Integer limit, String exclusiveStartShardId) {
}
