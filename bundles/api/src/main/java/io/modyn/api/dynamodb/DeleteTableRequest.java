package io.modyn.api.dynamodb;

public record DeleteTableRequest(String tableName) {
}
