package io.modyn.engine.expr;

import io.modyn.api.model.AttributeValue;
import java.util.Map;
import java.util.Set;

/** A compiled UpdateExpression or AttributeUpdates, applied to the item it updates. */
@FunctionalInterface
public interface ItemUpdate {

    /**
     * @param item the current item (with its key attributes), or just the key attributes when
     *        the item does not exist yet
     * @throws io.modyn.api.model.DynamoException when the update cannot apply to this item
     *         (an operand of the wrong type, a list index path into a missing list, ...)
     */
    UpdateOutcome apply(Map<String, AttributeValue> item);

    /**
     * Applies the update to an item that does not exist yet, given its key attributes. DynamoDB
     * treats one case differently from an existing item holding only its key: {@code REMOVE a.b}
     * (and {@code DELETE a.b :s}) on a missing item is silently ignored instead of failing because
     * {@code a} does not exist. Operations should call this when there is no item.
     */
    default UpdateOutcome applyToAbsentItem(Map<String, AttributeValue> key) {
        return apply(key);
    }

    /**
     * Whether applying the update to a missing item creates it. DynamoDB creates the item for SET
     * and ADD, but an update that only removes (REMOVE, DELETE from a set, legacy DELETE) leaves a
     * missing item missing: nothing is written and no stream record is made.
     */
    default boolean createsAbsentItem() {
        return true;
    }

    /** The top-level attributes the update writes or removes, in the order of its actions (see {@link KeyAttributeRules}). */
    default Set<String> updatedAttributes() {
        return Set.of();
    }

    /** The top-level attributes the update reaches into with '.' or '[]', to write or to read. */
    default Set<String> nestedAttributes() {
        return Set.of();
    }
}
