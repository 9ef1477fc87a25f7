package io.modyn.api.dynamodb;

public record UpdateTimeToLiveResponse(TimeToLiveSpecification timeToLiveSpecification) {
}
