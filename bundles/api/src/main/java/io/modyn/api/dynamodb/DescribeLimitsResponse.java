package io.modyn.api.dynamodb;

public record DescribeLimitsResponse(
        long accountMaxReadCapacityUnits, long accountMaxWriteCapacityUnits, long tableMaxReadCapacityUnits, long tableMaxWriteCapacityUnits) {
}
