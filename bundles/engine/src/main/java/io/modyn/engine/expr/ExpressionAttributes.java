package io.modyn.engine.expr;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.engine.item.AttributeValueRules;
import io.modyn.engine.validation.RequestCheckFailure;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The ExpressionAttributeNames and ExpressionAttributeValues of one request, resolving
 * placeholders for every expression of the request and remembering which ones were used, so that
 * unused entries can be reported as DynamoDB reports them.
 */
public final class ExpressionAttributes {

    private static final Pattern NAME_KEY = Pattern.compile("#[0-9a-zA-Z_]+");
    private static final Pattern VALUE_KEY = Pattern.compile(":[0-9a-zA-Z_]+");

    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();

    /**
     * Checks the maps as DynamoDB does before parsing any expression: present maps are not empty,
     * every key is a well-formed placeholder, and every value obeys the attribute value rules.
     *
     * @throws DynamoException a ValidationException with DynamoDB's message
     */
    public ExpressionAttributes(Map<String, String> names, Map<String, AttributeValue> values) {
        if (names != null) {
            if (names.isEmpty()) throw RequestCheckFailure.of("ExpressionAttributeNames must not be empty");
            for (String key : names.keySet()) checkKey(key, NAME_KEY, "ExpressionAttributeNames");
        }
        if (values != null) {
            if (values.isEmpty()) throw RequestCheckFailure.of("ExpressionAttributeValues must not be empty");
            for (String key : values.keySet()) checkKey(key, VALUE_KEY, "ExpressionAttributeValues");
            for (Map.Entry<String, AttributeValue> entry : values.entrySet()) checkValue(entry.getKey(), entry.getValue());
        }
        this.names = names == null ? Map.of() : names;
        this.values = values == null ? Map.of() : values;
    }

    public String name(String placeholder, String kind) {
        String name = names.get(placeholder);
        if (name == null) {
            throw ExpressionErrors.invalid(kind,
                    "An expression attribute name used in the document path is not defined; attribute name: " + placeholder);
        }
        usedNames.add(placeholder);
        return name;
    }

    public AttributeValue value(String placeholder, String kind) {
        AttributeValue value = values.get(placeholder);
        if (value == null) {
            throw ExpressionErrors.requestCheck(kind,
                    "An expression attribute value used in expression is not defined; attribute value: " + placeholder);
        }
        usedValues.add(placeholder);
        return value;
    }

    /** After all expressions are resolved: every given name and value must have been used. */
    public void checkAllUsed() {
        Set<String> unusedNames = new TreeSet<>(names.keySet());
        unusedNames.removeAll(usedNames);
        if (!unusedNames.isEmpty()) {
            throw DynamoException.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        Set<String> unusedValues = new TreeSet<>(values.keySet());
        unusedValues.removeAll(usedValues);
        if (!unusedValues.isEmpty()) {
            throw DynamoException.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }

    private static void checkKey(String key, Pattern pattern, String parameter) {
        if (!pattern.matcher(key).matches()) {
            throw DynamoException.validation(parameter + " contains invalid key: Syntax error; key: \"" + key + "\"");
        }
    }

    private static void checkValue(String key, AttributeValue value) {
        try {
            AttributeValueRules.check(value);
        } catch (DynamoException e) {
            throw DynamoException.validation("ExpressionAttributeValues contains invalid value: " + e.getMessage() + " for key " + key);
        }
    }
}
