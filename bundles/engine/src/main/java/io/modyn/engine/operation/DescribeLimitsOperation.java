package io.modyn.engine.operation;

import io.modyn.api.dynamodb.DescribeLimitsResponse;

/** DescribeLimits: DynamoDB's default per-account and per-table capacity quotas of a region. */
public final class DescribeLimitsOperation {

    static final long ACCOUNT_MAX_CAPACITY_UNITS = 80_000;
    static final long TABLE_MAX_CAPACITY_UNITS = 40_000;

    public DescribeLimitsResponse execute() {
        return new DescribeLimitsResponse(ACCOUNT_MAX_CAPACITY_UNITS, ACCOUNT_MAX_CAPACITY_UNITS, TABLE_MAX_CAPACITY_UNITS,
                TABLE_MAX_CAPACITY_UNITS);
    }
}
