package io.modyn.engine.expr.eval;

import io.modyn.api.model.AttributeValue;
import io.modyn.engine.expr.ItemCondition;
import java.util.Map;
import java.util.Set;

/**
 * A condition ready to run, with the top-level attributes it reads (for the checks a Query makes on
 * key attributes in filters) and those it reaches into with '.' or '[]'.
 */
public record CompiledCondition(Predicate predicate, Set<String> attributes, Set<String> nestedAttributes) implements ItemCondition {

    public CompiledCondition {
        attributes = Set.copyOf(attributes);
        nestedAttributes = Set.copyOf(nestedAttributes);
    }

    @Override
    public boolean test(Map<String, AttributeValue> item) {
        return predicate.test(item);
    }
}
