package io.modyn.api.dynamodb;

public record DescribeTimeToLiveRequest(String tableName) {
}
