package io.modyn.api.dynamodb;

public record UpdateTableResponse(TableDescription tableDescription) {
}
