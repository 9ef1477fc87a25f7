package io.modyn.api.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One action on one resource that an operation needs, as an IAM policy names them.
 *
 * @param action the IAM action, e.g. {@code dynamodb:PutItem}
 * @param resource the resource ARN, e.g. {@code arn:aws:dynamodb:us-east-1:000000000000:table/T},
 *        {@code .../table/T/index/I}, {@code .../table/T/stream/2026-01-01T00:00:00.000}, or
 *        {@code *} for actions on no particular resource (ListTables, DescribeLimits, ...)
 * @param conditionKeys the request-specific condition keys and their values (multi-valued keys
 *        such as {@code dynamodb:LeadingKeys} and {@code dynamodb:Attributes} carry one value per
 *        distinct name or key); a key absent from the map is absent from the request, so
 *        {@code ...IfExists} and {@code Null} conditions see it as missing. See {@link ConditionKeys}.
 */
public record AuthorizationRequest(String action, String resource, Map<String, List<String>> conditionKeys) {

    public AuthorizationRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (conditionKeys != null) conditionKeys.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        conditionKeys = java.util.Collections.unmodifiableMap(copy);
    }

    /** A request with no request-specific condition keys. */
    public AuthorizationRequest(String action, String resource) {
        this(action, resource, Map.of());
    }

    /** The values of a condition key, empty when the request does not carry it. */
    public List<String> values(String conditionKey) {
        return conditionKeys.getOrDefault(conditionKey, List.of());
    }
}
