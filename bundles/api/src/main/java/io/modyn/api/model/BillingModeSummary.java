package io.modyn.api.model;

import java.time.Instant;

/** The billing mode and when the table last switched to on-demand (null if never). */
public record BillingModeSummary(String billingMode, Instant lastUpdateToPayPerRequestDateTime) {

    public static final String PROVISIONED = "PROVISIONED";
    public static final String PAY_PER_REQUEST = "PAY_PER_REQUEST";
}
