package io.modyn.api.streams;

/** Unset members are null. */
public record GetShardIteratorRequest(String streamArn, String shardId, String shardIteratorType, String sequenceNumber) {
}
