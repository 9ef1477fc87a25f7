package io.modyn.export;

import io.modyn.api.model.DynamoException;
import java.util.List;

/** DynamoDB's request-shape messages ("1 validation error detected: ..."), for the members these operations check. */
final class Validation {

    private Validation() {
    }

    static void required(Object value, String member) {
        if (value == null) {
            throw DynamoException.validation("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
    }

    static void oneOf(String value, String member, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw DynamoException.validation("1 validation error detected: Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
        }
    }

    static void range(Integer value, String member, int min, int max) {
        if (value != null && (value < min || value > max)) {
            String constraint = value < min ? "Member must have value greater than or equal to " + min
                    : "Member must have value less than or equal to " + max;
            throw DynamoException.validation("1 validation error detected: Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: " + constraint);
        }
    }
}
