package io.modyn.engine.expr.update;

import io.modyn.api.model.AttributeValue;
import io.modyn.engine.expr.eval.ResolvedPath;

/**
 * {@code DELETE path :set}: removes members from a set of the same type; removing the last member
 * removes the attribute (DynamoDB has no empty sets), and a missing attribute is left alone.
 */
public record DeleteStep(ResolvedPath path, AttributeValue operand) implements UpdateStep {

    @Override
    public boolean writesValue() {
        return false;
    }

    @Override
    public void apply(DocumentEditor document, AttributeValue unused) {
        DocumentEditor.Slot slot = document.slot(path, true);
        AttributeValue existing = slot == null ? null : slot.get();
        if (existing == null) return;
        if (!SetArithmetic.sameSetType(existing, operand)) throw UpdateErrors.incorrectType();
        AttributeValue left = SetArithmetic.difference(existing, operand);
        if (left == null) {
            slot.remove();
        } else {
            slot.put(left);
        }
    }
}
