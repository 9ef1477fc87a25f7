package io.modyn.engine.transaction;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.expr.ItemCondition;
import io.modyn.engine.expr.ItemUpdate;
import io.modyn.engine.expr.UpdateOutcome;
import io.modyn.engine.item.AttributeValueRules;
import io.modyn.engine.item.ItemSize;
import io.modyn.engine.item.PrimaryKey;
import java.util.Map;

/**
 * One checked action of a TransactWriteItems: the item it targets, its compiled condition (or
 * null), and how it changes the item. Built by the operation once the whole request is valid.
 *
 * @param item the new item of a Put, else null
 * @param update the compiled UpdateExpression of an Update, else null
 */
public record WriteAction(Kind kind, TableDefinition table, PrimaryKey key, ItemCondition condition, boolean returnOldOnFailure,
        Map<String, AttributeValue> item, ItemUpdate update) {

    /** The four actions, named as the TransactWriteItem members that carry them. */
    public enum Kind {
        CONDITION_CHECK("conditionCheck"),
        DELETE("delete"),
        PUT("put"),
        UPDATE("update");

        private final String member;

        Kind(String member) {
            this.member = member;
        }

        /** The request member, as DynamoDB names it in validation messages. */
        public String member() {
            return member;
        }
    }

    public ItemRef ref() {
        return ItemRef.of(table, key);
    }

    public boolean writes() {
        return kind != Kind.CONDITION_CHECK;
    }

    /**
     * The item to store, given the current one (null when absent); null deletes it. A
     * ConditionCheck leaves the item as it is.
     *
     * @throws DynamoException a ValidationException when the update cannot apply to this item or
     *         makes it invalid, as UpdateItem reports it
     */
    Map<String, AttributeValue> apply(Map<String, AttributeValue> current) {
        return switch (kind) {
            case PUT -> item;
            case DELETE -> null;
            case CONDITION_CHECK -> current;
            case UPDATE -> updated(current);
        };
    }

    private Map<String, AttributeValue> updated(Map<String, AttributeValue> current) {
        if (current == null && !update.createsAbsentItem()) return null; // only removals: the item stays missing
        UpdateOutcome outcome = current != null ? update.apply(current) : update.applyToAbsentItem(key.attributes());
        Map<String, AttributeValue> updated = outcome.item();
        AttributeValueRules.checkItem(updated);
        if (ItemSize.of(updated) > ItemSize.MAX_ITEM_BYTES) {
            throw DynamoException.validation("Item size to update has exceeded the maximum allowed size");
        }
        return updated;
    }
}
