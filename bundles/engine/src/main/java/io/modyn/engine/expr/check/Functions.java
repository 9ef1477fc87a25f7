package io.modyn.engine.expr.check;

import java.util.Map;
import java.util.Set;

/**
 * DynamoDB's expression functions, where each may be used, and how many operands it takes
 * (developer guide, "Condition and filter expressions, operators, and functions" and "Update
 * expressions").
 */
public final class Functions {

    /** Functions that are conditions by themselves. */
    public static final Set<String> CONDITIONS = Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
    /** The one function that yields a value in a condition. */
    public static final String SIZE = "size";
    public static final String IF_NOT_EXISTS = "if_not_exists";
    public static final String LIST_APPEND = "list_append";
    /** Functions that yield a value in a SET action. */
    public static final Set<String> UPDATE_VALUES = Set.of(IF_NOT_EXISTS, LIST_APPEND);

    private static final Map<String, Integer> OPERANDS = Map.of(
            "attribute_exists", 1,
            "attribute_not_exists", 1,
            "attribute_type", 2,
            "begins_with", 2,
            "contains", 2,
            SIZE, 1,
            IF_NOT_EXISTS, 2,
            LIST_APPEND, 2);

    private Functions() {
    }

    public static boolean isKnown(String name) {
        return OPERANDS.containsKey(name);
    }

    public static int operandCount(String name) {
        return OPERANDS.get(name);
    }
}
