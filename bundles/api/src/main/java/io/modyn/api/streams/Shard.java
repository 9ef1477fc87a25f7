package io.modyn.api.streams;

public record Shard(String shardId, String parentShardId, SequenceNumberRange sequenceNumberRange) {
}
