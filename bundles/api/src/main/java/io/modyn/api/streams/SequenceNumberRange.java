package io.modyn.api.streams;

/** The sequence numbers a shard covers; the end is null while the shard is open. */
public record SequenceNumberRange(String startingSequenceNumber, String endingSequenceNumber) {
}
