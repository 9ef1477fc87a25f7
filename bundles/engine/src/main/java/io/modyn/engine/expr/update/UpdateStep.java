package io.modyn.engine.expr.update;

import io.modyn.api.model.AttributeValue;
import io.modyn.engine.expr.eval.ResolvedPath;
import java.util.Map;

/**
 * One action of an update (an UpdateExpression action or a legacy AttributeUpdates entry). Steps
 * run in two passes, as in DynamoDB: first every step computes its value from the original item
 * (so any error in a SET value comes before any error applying an action), then each is applied to
 * the document in order.
 */
public interface UpdateStep {

    /** The document path the step writes or removes. */
    ResolvedPath path();

    /** The value this step will write, computed from the item before the update; null if none. */
    default AttributeValue evaluate(Map<String, AttributeValue> original) {
        return null;
    }

    /**
     * Whether the step puts a value into the item (SET, ADD, a legacy PUT or ADD), rather than
     * only taking something out of it (REMOVE, DELETE): an update made only of the latter leaves
     * a missing item missing.
     */
    default boolean writesValue() {
        return true;
    }

    /** @param value what {@link #evaluate} returned */
    void apply(DocumentEditor document, AttributeValue value);
}
