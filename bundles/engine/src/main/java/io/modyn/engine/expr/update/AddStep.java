package io.modyn.engine.expr.update;

import io.modyn.api.model.AttributeValue;
import io.modyn.engine.expr.eval.ResolvedPath;

/**
 * {@code ADD path :value}: adds a number to a number or members to a set of the same type; on a
 * missing attribute it sets the value (as if added to zero or to an empty set).
 */
public record AddStep(ResolvedPath path, AttributeValue operand) implements UpdateStep {

    @Override
    public void apply(DocumentEditor document, AttributeValue unused) {
        DocumentEditor.Slot slot = document.slot(path, false);
        AttributeValue existing = slot.get();
        if (existing == null) {
            slot.put(operand);
        } else if (existing instanceof AttributeValue.N a && operand instanceof AttributeValue.N b) {
            slot.put(new AttributeValue.N(NumberArithmetic.add(a.value(), b.value())));
        } else if (SetArithmetic.sameSetType(existing, operand)) {
            slot.put(SetArithmetic.union(existing, operand));
        } else {
            throw UpdateErrors.incorrectType();
        }
    }
}
