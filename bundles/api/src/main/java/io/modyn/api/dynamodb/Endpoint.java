package io.modyn.api.dynamodb;

public record Endpoint(String address, long cachePeriodInMinutes) {
}
