package io.modyn.backup;

import io.modyn.api.model.DynamoException;
import java.util.ArrayList;
import java.util.List;

/**
 * A request's constraint violations, reported together as DynamoDB reports them:
 * {@code "2 validation errors detected: Value 'x' at 'backupName' failed to satisfy constraint:
 * ...; Value null at 'tableName' failed to satisfy constraint: Member must not be null"}.
 */
final class Violations {

    private final List<String> found = new ArrayList<>();

    Violations notNull(String path, Object value) {
        if (value == null) add(path, null, "Member must not be null");
        return this;
    }

    /** Table and backup names: 3 to 255 characters of {@code [a-zA-Z0-9_.-]}. */
    Violations name(String path, String value) {
        if (value == null) return this;
        if (!value.matches("[a-zA-Z0-9_.-]+")) add(path, value, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        if (value.length() < 3) add(path, value, "Member must have length greater than or equal to 3");
        if (value.length() > 255) add(path, value, "Member must have length less than or equal to 255");
        return this;
    }

    Violations length(String path, String value, int min, int max) {
        if (value == null) return this;
        if (value.length() < min) add(path, value, "Member must have length greater than or equal to " + min);
        if (value.length() > max) add(path, value, "Member must have length less than or equal to " + max);
        return this;
    }

    Violations range(String path, Integer value, int min, int max) {
        if (value == null) return this;
        if (value < min) add(path, value.toString(), "Member must have value greater than or equal to " + min);
        if (value > max) add(path, value.toString(), "Member must have value less than or equal to " + max);
        return this;
    }

    Violations oneOf(String path, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            add(path, value, "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
        }
        return this;
    }

    void throwIfAny() {
        if (found.isEmpty()) return;
        int n = found.size();
        throw DynamoException.validation(n + " validation error" + (n > 1 ? "s" : "") + " detected: " + String.join("; ", found));
    }

    private void add(String path, String value, String constraint) {
        found.add("Value " + (value == null ? "null" : "'" + value + "'") + " at '" + path + "' failed to satisfy constraint: " + constraint);
    }
}
