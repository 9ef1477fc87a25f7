package io.modyn.api.streams;

public record GetShardIteratorResponse(String shardIterator) {
}
