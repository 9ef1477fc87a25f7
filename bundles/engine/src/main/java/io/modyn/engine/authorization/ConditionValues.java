package io.modyn.engine.authorization;

import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.auth.ConditionKeys;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.Numbers;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the condition keys of one authorization request: each key's distinct values in the
 * order first met. A key given no value is left out, so policies see it as absent.
 */
final class ConditionValues {

    private final Map<String, Set<String>> keys = new LinkedHashMap<>();

    /** The partition key value of an item the request touches, as IAM compares it: strings as sent, numbers as text, binary as base64. */
    ConditionValues leadingKey(AttributeValue value) {
        if (value != null) add(ConditionKeys.LEADING_KEYS, text(value));
        return this;
    }

    ConditionValues attributes(Collection<String> names) {
        if (names != null) for (String name : names) add(ConditionKeys.ATTRIBUTES, name);
        return this;
    }

    /** Adds the value when it is not null (a member the request did not send stays absent). */
    ConditionValues put(String key, String value) {
        if (value != null) add(key, value);
        return this;
    }

    AuthorizationRequest on(String action, String resource) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        keys.forEach((key, set) -> values.put(key, new ArrayList<>(set)));
        return new AuthorizationRequest(action, resource, values);
    }

    private void add(String key, String value) {
        keys.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(value);
    }

    private static String text(AttributeValue value) {
        if (value instanceof AttributeValue.S s) return s.value();
        if (value instanceof AttributeValue.N n) return Numbers.normalise(n.value()).toPlainString();
        if (value instanceof AttributeValue.B b) return Base64.getEncoder().encodeToString(b.value());
        return value.toString(); // key attributes are S, N or B; validation has rejected the rest
    }
}
