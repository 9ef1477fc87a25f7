package io.modyn.api.streams;

/** Unset members are null. */
public record ListStreamsRequest(String tableName, Integer limit, String exclusiveStartStreamArn) {
}
