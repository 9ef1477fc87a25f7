package io.modyn.api.dynamodb;

public record DeleteTableResponse(TableDescription tableDescription) {
}
