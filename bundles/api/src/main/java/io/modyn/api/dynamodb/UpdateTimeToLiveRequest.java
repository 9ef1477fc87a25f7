package io.modyn.api.dynamodb;

public record UpdateTimeToLiveRequest(String tableName, TimeToLiveSpecification timeToLiveSpecification) {
}
