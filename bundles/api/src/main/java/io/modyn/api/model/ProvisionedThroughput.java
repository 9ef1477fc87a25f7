package io.modyn.api.model;

/** Requested provisioned capacity; either member may be null when the request omitted it. */
public record ProvisionedThroughput(Long readCapacityUnits, Long writeCapacityUnits) {
}
