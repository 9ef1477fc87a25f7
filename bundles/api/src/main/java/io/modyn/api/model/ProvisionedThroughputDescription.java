package io.modyn.api.model;

import java.time.Instant;

/** Provisioned capacity as DescribeTable reports it; the instants are null until a change happened. */
public record ProvisionedThroughputDescription(
        Instant lastIncreaseDateTime,
        Instant lastDecreaseDateTime,
        long numberOfDecreasesToday,
        long readCapacityUnits,
        long writeCapacityUnits) {
}
