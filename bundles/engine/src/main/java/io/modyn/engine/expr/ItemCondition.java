package io.modyn.engine.expr;

import io.modyn.api.model.AttributeValue;
import java.util.Map;
import java.util.Set;

/**
 * A compiled condition (ConditionExpression, FilterExpression, Expected, QueryFilter, ScanFilter)
 * with its names and values already resolved; evaluating it never fails.
 */
@FunctionalInterface
public interface ItemCondition {

    /** @param item the item, or an empty map when there is none */
    boolean test(Map<String, AttributeValue> item);

    /** The top-level attributes the condition reads (see {@link KeyAttributeRules}). */
    default Set<String> attributes() {
        return Set.of();
    }

    /** The top-level attributes the condition reaches into with '.' or '[]'. */
    default Set<String> nestedAttributes() {
        return Set.of();
    }
}
