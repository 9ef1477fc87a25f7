package io.modyn.api.dynamodb;

/** The TimeToLiveSpecification of UpdateTimeToLive; unset members are null. */
public record TimeToLiveSpecification(Boolean enabled, String attributeName) {
}
