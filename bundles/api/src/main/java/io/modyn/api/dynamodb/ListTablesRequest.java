package io.modyn.api.dynamodb;

/** Unset members are null. */
public record ListTablesRequest(String exclusiveStartTableName, Integer limit) {
}
