package io.modyn.api.dynamodb;

public record DescribeTableResponse(TableDescription table) {
}
