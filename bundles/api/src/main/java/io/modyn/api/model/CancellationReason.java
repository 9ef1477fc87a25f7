package io.modyn.api.model;

import java.util.Map;

/** Why one action of a cancelled transaction failed: code None, ConditionalCheckFailed, TransactionConflict, ValidationError, ... */
public record CancellationReason(String code, String message, Map<String, AttributeValue> item) {
}
