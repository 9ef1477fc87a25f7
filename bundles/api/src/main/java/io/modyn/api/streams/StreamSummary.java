package io.modyn.api.streams;

public record StreamSummary(String streamArn, String tableName, String streamLabel) {
}
