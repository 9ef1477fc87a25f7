package io.modyn.api.dynamodb;

public record DescribeTableRequest(String tableName) {
}
