package io.modyn.engine.expr.projection;

import io.modyn.api.model.AttributeValue;
import io.modyn.engine.expr.Projection;
import java.util.Map;
import java.util.Set;

/** A ProjectionExpression or AttributesToGet ready to apply to items. */
public record CompiledProjection(ProjectionTree tree, Set<String> nestedAttributes) implements Projection {

    public CompiledProjection {
        nestedAttributes = Set.copyOf(nestedAttributes);
    }

    @Override
    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        return tree.apply(item);
    }
}
