package io.modyn.engine.expr.eval;

import io.modyn.api.model.AttributeValue;
import java.util.Map;

/** A compiled operand of a condition: evaluates to a value, or null when the item has none. */
public sealed interface Term {

    AttributeValue evaluate(Map<String, AttributeValue> item);

    /** The value at a document path of the item. */
    record PathValue(ResolvedPath path) implements Term {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> item) {
            return path.find(item);
        }
    }

    /** A value from ExpressionAttributeValues or a legacy AttributeValueList. */
    record Literal(AttributeValue value) implements Term {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> item) {
            return value;
        }
    }

    /** {@code size(operand)}. */
    record Size(Term operand) implements Term {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> item) {
            AttributeValue value = operand.evaluate(item);
            return value == null ? null : Values.size(value);
        }
    }
}
