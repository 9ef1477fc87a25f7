package io.modyn.api.dynamodb;

public record TransactGetItem(TransactGet get) {
}
