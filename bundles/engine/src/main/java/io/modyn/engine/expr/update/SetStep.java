package io.modyn.engine.expr.update;

import io.modyn.api.model.AttributeValue;
import io.modyn.engine.expr.eval.ResolvedPath;
import java.util.Map;

/** {@code SET path = value}. */
public record SetStep(ResolvedPath path, ValueExpression value) implements UpdateStep {

    @Override
    public AttributeValue evaluate(Map<String, AttributeValue> original) {
        return value.evaluate(original);
    }

    @Override
    public void apply(DocumentEditor document, AttributeValue evaluated) {
        document.slot(path, false).put(evaluated);
    }
}
