package io.modyn.api.streams;

/** Who made a change that a stream record shows; set for TTL deletions: type "Service", principal "dynamodb.amazonaws.com". */
public record Identity(String principalId, String type) {
}
