package io.modyn.engine.expr.update;

import io.modyn.api.model.AttributeValue;
import io.modyn.engine.expr.eval.ResolvedPath;

/** {@code REMOVE path}: removing something that is not there is not an error. */
public record RemoveStep(ResolvedPath path) implements UpdateStep {

    @Override
    public boolean writesValue() {
        return false;
    }

    @Override
    public void apply(DocumentEditor document, AttributeValue unused) {
        DocumentEditor.Slot slot = document.slot(path, true);
        if (slot != null) slot.remove();
    }
}
