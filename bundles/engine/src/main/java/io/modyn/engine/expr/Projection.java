package io.modyn.engine.expr;

import io.modyn.api.model.AttributeValue;
import java.util.Map;
import java.util.Set;

/** A compiled ProjectionExpression or AttributesToGet: the parts of an item a read returns. */
@FunctionalInterface
public interface Projection {

    Map<String, AttributeValue> apply(Map<String, AttributeValue> item);

    /** The top-level attributes the projection reaches into with '.' or '[]' (see {@link KeyAttributeRules}). */
    default Set<String> nestedAttributes() {
        return Set.of();
    }
}
