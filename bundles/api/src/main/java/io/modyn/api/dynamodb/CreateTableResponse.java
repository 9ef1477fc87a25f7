package io.modyn.api.dynamodb;

public record CreateTableResponse(TableDescription tableDescription) {
}
