package io.modyn.engine.expr.update;

import io.modyn.api.model.AttributeValue;
import io.modyn.engine.expr.ItemUpdate;
import io.modyn.engine.expr.UpdateOutcome;
import io.modyn.engine.expr.projection.ProjectionTree;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An update ready to apply: its steps, and the paths they touch, which is what ReturnValues
 * UPDATED_OLD and UPDATED_NEW return (the updated paths projected from the old and the new item,
 * nested as in the item).
 */
public final class CompiledUpdate implements ItemUpdate {

    private final List<UpdateStep> steps;
    private final ProjectionTree updatedPaths;
    private final Set<String> updatedAttributes;
    private final Set<String> nestedAttributes;

    /** @param nestedAttributes the top-level attributes the steps reach into, to write or to read */
    public CompiledUpdate(List<UpdateStep> steps, Set<String> nestedAttributes) {
        this.steps = List.copyOf(steps);
        this.updatedPaths = ProjectionTree.of(steps.stream().map(UpdateStep::path).toList());
        Set<String> updated = new LinkedHashSet<>();
        for (UpdateStep step : steps) updated.add(step.path().head());
        this.updatedAttributes = Collections.unmodifiableSet(updated);
        this.nestedAttributes = Collections.unmodifiableSet(new LinkedHashSet<>(nestedAttributes));
    }

    @Override
    public UpdateOutcome apply(Map<String, AttributeValue> item) {
        return run(item, true);
    }

    @Override
    public UpdateOutcome applyToAbsentItem(Map<String, AttributeValue> key) {
        return run(key, false);
    }

    @Override
    public boolean createsAbsentItem() {
        // No action at all (an empty AttributeUpdates) creates the item with its key alone, as an UpdateItem without
        // an update does; only a list of nothing but removals leaves a missing item missing.
        return steps.isEmpty() || steps.stream().anyMatch(UpdateStep::writesValue);
    }

    @Override
    public Set<String> updatedAttributes() {
        return updatedAttributes;
    }

    @Override
    public Set<String> nestedAttributes() {
        return nestedAttributes;
    }

    private UpdateOutcome run(Map<String, AttributeValue> original, boolean itemExists) {
        List<AttributeValue> values = new ArrayList<>(steps.size());
        for (UpdateStep step : steps) values.add(step.evaluate(original));
        DocumentEditor document = new DocumentEditor(original, itemExists);
        for (int i = 0; i < steps.size(); i++) steps.get(i).apply(document, values.get(i));
        Map<String, AttributeValue> updated = document.freeze();
        return new UpdateOutcome(updated, updatedPaths.apply(original), updatedPaths.apply(updated));
    }
}
