package io.modyn.api.streams;

/** Unset members are null. */
public record GetRecordsRequest(String shardIterator, Integer limit) {
}
