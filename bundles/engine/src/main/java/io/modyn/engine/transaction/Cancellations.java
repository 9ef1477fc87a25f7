package io.modyn.engine.transaction;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.CancellationReason;
import io.modyn.api.model.TransactionCanceledException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** DynamoDB's cancellation reasons, with the messages it sends for each code. */
public final class Cancellations {

    private Cancellations() {
    }

    /** The action was not the reason for the cancellation; DynamoDB sends no message with it. */
    public static CancellationReason none() {
        return new CancellationReason("None", null, null);
    }

    /** @param item the item as it is, when the action asked for ALL_OLD and the item exists; else null */
    public static CancellationReason conditionalCheckFailed(Map<String, AttributeValue> item) {
        return new CancellationReason("ConditionalCheckFailed", "The conditional request failed", item);
    }

    public static CancellationReason validationError(String message) {
        return new CancellationReason("ValidationError", message, null);
    }

    public static CancellationReason transactionConflict() {
        return new CancellationReason("TransactionConflict", "Transaction is ongoing for the item", null);
    }

    /**
     * A cancellation caused by one action (or by all of them when {@code index} is negative): that
     * action gets the reason, every other one None.
     */
    public static TransactionCanceledException cancelledBy(int actions, int index, CancellationReason reason) {
        List<CancellationReason> reasons = new ArrayList<>(actions);
        for (int i = 0; i < actions; i++) reasons.add(index < 0 || i == index ? reason : none());
        return new TransactionCanceledException(reasons);
    }
}
