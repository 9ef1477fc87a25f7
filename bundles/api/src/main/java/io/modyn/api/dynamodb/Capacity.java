package io.modyn.api.dynamodb;

/** Capacity consumed on one table or index; unset members are null. */
public record Capacity(Double capacityUnits, Double readCapacityUnits, Double writeCapacityUnits) {
}
