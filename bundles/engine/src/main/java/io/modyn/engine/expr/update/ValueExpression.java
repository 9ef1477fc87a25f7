package io.modyn.engine.expr.update;

import io.modyn.api.model.AttributeValue;
import io.modyn.engine.expr.eval.ResolvedPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The compiled value of a SET action, evaluated against the item as it was before the update
 * (so {@code SET a = b, b = a} swaps, and {@code REMOVE a SET b = a} copies the old a).
 */
public sealed interface ValueExpression {

    AttributeValue evaluate(Map<String, AttributeValue> original);

    record PathValue(ResolvedPath path) implements ValueExpression {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> original) {
            AttributeValue value = path.find(original);
            if (value == null) throw UpdateErrors.missingAttribute();
            return value;
        }
    }

    record Literal(AttributeValue value) implements ValueExpression {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> original) {
            return value;
        }
    }

    /** {@code if_not_exists(path, fallback)}: the value at path if there is one, else the fallback. */
    record IfNotExists(ResolvedPath path, ValueExpression fallback) implements ValueExpression {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> original) {
            AttributeValue value = path.find(original);
            return value != null ? value : fallback.evaluate(original);
        }
    }

    /** {@code list_append(first, second)}: both must be lists. */
    record ListAppend(ValueExpression first, ValueExpression second) implements ValueExpression {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> original) {
            AttributeValue a = first.evaluate(original);
            if (!(a instanceof AttributeValue.L x)) throw UpdateErrors.incorrectType();
            AttributeValue b = second.evaluate(original);
            if (!(b instanceof AttributeValue.L y)) throw UpdateErrors.incorrectType();
            List<AttributeValue> joined = new ArrayList<>(x.values());
            joined.addAll(y.values());
            return new AttributeValue.L(joined);
        }
    }

    /** {@code left + right} or {@code left - right}: both must be numbers. */
    record Arithmetic(char operator, ValueExpression left, ValueExpression right) implements ValueExpression {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> original) {
            AttributeValue a = left.evaluate(original);
            if (!(a instanceof AttributeValue.N x)) throw UpdateErrors.incorrectType();
            AttributeValue b = right.evaluate(original);
            if (!(b instanceof AttributeValue.N y)) throw UpdateErrors.incorrectType();
            return new AttributeValue.N(operator == '+' ? NumberArithmetic.add(x.value(), y.value())
                    : NumberArithmetic.subtract(x.value(), y.value()));
        }
    }
}
