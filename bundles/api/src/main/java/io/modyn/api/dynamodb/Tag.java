package io.modyn.api.dynamodb;

public record Tag(String key, String value) {
}
