package io.modyn.engine.validation;

import io.modyn.api.model.DynamoException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Collects request-shape violations the way DynamoDB's service framework reports them:
 * {@code "2 validation errors detected: Value 'x' at 'tableName' failed to satisfy constraint:
 * ...; Value null at 'keySchema' failed to satisfy constraint: Member must not be null"}.
 * DynamoDB reports at most ten.
 */
public final class ConstraintViolations {

    private static final int MAX_REPORTED = 10;
    /** The few patterns rules name, compiled once: {@code String.matches} compiles its regex on every call. */
    private static final ConcurrentHashMap<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private final List<String> violations = new ArrayList<>();

    public ConstraintViolations notNull(String path, Object value) {
        if (value == null) add(path, null, "Member must not be null");
        return this;
    }

    /** Map values that are null (a JSON null where a structure belongs): {@code <path>.<key>.member}. */
    public ConstraintViolations noNullValues(String path, java.util.Map<String, ?> map) {
        if (map != null) {
            map.forEach((key, value) -> {
                if (value == null) add(path + "." + key + ".member", null, "Member must not be null");
            });
        }
        return this;
    }

    /** List elements that are null: {@code <path>.<n>.member}, counting from 1. */
    public ConstraintViolations noNullElements(String path, List<?> list) {
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) == null) add(path + "." + (i + 1) + ".member", null, "Member must not be null");
            }
        }
        return this;
    }

    public ConstraintViolations pattern(String path, String value, String regex) {
        if (value != null && !COMPILED.computeIfAbsent(regex, Pattern::compile).matcher(value).matches()) {
            add(path, value, "Member must satisfy regular expression pattern: " + regex);
        }
        return this;
    }

    public ConstraintViolations lengthAtLeast(String path, String value, int min) {
        if (value != null && value.length() < min) add(path, value, "Member must have length greater than or equal to " + min);
        return this;
    }

    public ConstraintViolations lengthAtMost(String path, String value, int max) {
        if (value != null && value.length() > max) add(path, value, "Member must have length less than or equal to " + max);
        return this;
    }

    public ConstraintViolations sizeAtLeast(String path, List<?> value, int min) {
        if (value != null && value.size() < min) add(path, render(value), "Member must have length greater than or equal to " + min);
        return this;
    }

    public ConstraintViolations sizeAtMost(String path, List<?> value, int max) {
        if (value != null && value.size() > max) add(path, render(value), "Member must have length less than or equal to " + max);
        return this;
    }

    public ConstraintViolations atLeast(String path, Number value, long min) {
        if (value != null && value.longValue() < min) add(path, value.toString(), "Member must have value greater than or equal to " + min);
        return this;
    }

    public ConstraintViolations atMost(String path, Number value, long max) {
        if (value != null && value.longValue() > max) add(path, value.toString(), "Member must have value less than or equal to " + max);
        return this;
    }

    public ConstraintViolations oneOf(String path, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            add(path, value, "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
        }
        return this;
    }

    /** Table and index names: 3 to 255 characters of {@code [a-zA-Z0-9_.-]}. */
    public ConstraintViolations tableName(String path, String value) {
        return pattern(path, value, "[a-zA-Z0-9_.-]+").lengthAtLeast(path, value, 3).lengthAtMost(path, value, 255);
    }

    /** A violation whose value DynamoDB echoes in a form of its own (see {@link RequestEchoes}). */
    public ConstraintViolations echoed(String path, String echo, String constraint) {
        add(path, echo, constraint);
        return this;
    }

    /** Appends another collection's violations after this one's, as DynamoDB lists members in its own order. */
    public ConstraintViolations addAll(ConstraintViolations other) {
        for (String violation : other.violations) {
            if (violations.size() < MAX_REPORTED) violations.add(violation);
        }
        return this;
    }

    public boolean isEmpty() {
        return violations.isEmpty();
    }

    /** Throws the collected violations as one ValidationException, if there are any. */
    public void throwIfAny() {
        if (violations.isEmpty()) return;
        int n = violations.size();
        throw DynamoException.validation(n + " validation error" + (n > 1 ? "s" : "") + " detected: " + String.join("; ", violations));
    }

    private void add(String path, String value, String constraint) {
        if (violations.size() >= MAX_REPORTED) return;
        String shown = value == null ? "null" : "'" + value + "'";
        violations.add("Value " + shown + " at '" + path + "' failed to satisfy constraint: " + constraint);
    }

    /**
     * A list as DynamoDB echoes it: each element in the form of its service model's toString,
     * {@code KeySchemaElement(attributeName=pk, keyType=HASH)}, which differs from a Java record's
     * {@code KeySchemaElement[attributeName=pk, keyType=HASH]} only in its brackets. Only error
     * messages pay for the reflection.
     */
    private static String render(List<?> list) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) out.append(", ");
            out.append(renderElement(list.get(i)));
        }
        return out.append(']').toString();
    }

    private static String renderElement(Object element) {
        if (!(element instanceof Record record)) return String.valueOf(element);
        StringBuilder out = new StringBuilder(record.getClass().getSimpleName()).append('(');
        RecordComponent[] components = record.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (i > 0) out.append(", ");
            out.append(components[i].getName()).append('=').append(componentValue(components[i], record));
        }
        return out.append(')').toString();
    }

    private static Object componentValue(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Record component " + component.getName() + " is not readable", e);
        }
    }
}
