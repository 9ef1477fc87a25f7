package io.modyn.engine.legacy;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.engine.expr.eval.ResolvedPath;
import io.modyn.engine.expr.update.DocumentEditor;
import io.modyn.engine.expr.update.NumberArithmetic;
import io.modyn.engine.expr.update.SetArithmetic;
import io.modyn.engine.expr.update.UpdateStep;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the legacy AttributeUpdates parameter (API reference, "AttributeValueUpdate"):
 * <ul>
 *   <li>PUT sets the attribute;</li>
 *   <li>ADD adds to a number, adds members to a set, or appends to a list (unlike the ADD of an
 *       UpdateExpression), creating the attribute when missing;</li>
 *   <li>DELETE without a value removes the attribute; with a set it removes those members, and the
 *       attribute when none remain.</li>
 * </ul>
 * A value that does not match the attribute's type fails with DynamoDB's "Type mismatch" message.
 */
record AttributeUpdateStep(ResolvedPath path, String action, AttributeValue operand) implements UpdateStep {

    @Override
    public boolean writesValue() {
        return !action.equals("DELETE");
    }

    @Override
    public void apply(DocumentEditor document, AttributeValue unused) {
        DocumentEditor.Slot slot = document.slot(path, false);
        switch (action) {
            case "PUT" -> slot.put(operand);
            case "ADD" -> slot.put(add(slot.get()));
            default -> delete(slot);
        }
    }

    private AttributeValue add(AttributeValue existing) {
        if (existing == null) return operand;
        if (existing instanceof AttributeValue.N a && operand instanceof AttributeValue.N b) {
            return new AttributeValue.N(NumberArithmetic.add(a.value(), b.value()));
        }
        if (SetArithmetic.sameSetType(existing, operand)) return SetArithmetic.union(existing, operand);
        if (existing instanceof AttributeValue.L a && operand instanceof AttributeValue.L b) {
            List<AttributeValue> joined = new ArrayList<>(a.values());
            joined.addAll(b.values());
            return new AttributeValue.L(joined);
        }
        throw typeMismatch();
    }

    private void delete(DocumentEditor.Slot slot) {
        AttributeValue existing = slot.get();
        if (operand == null || existing == null) {
            if (operand == null) slot.remove();
            return;
        }
        if (!SetArithmetic.sameSetType(existing, operand)) throw typeMismatch();
        AttributeValue left = SetArithmetic.difference(existing, operand);
        if (left == null) {
            slot.remove();
        } else {
            slot.put(left);
        }
    }

    private static DynamoException typeMismatch() {
        return DynamoException.validation("Type mismatch for attribute to update");
    }
}
