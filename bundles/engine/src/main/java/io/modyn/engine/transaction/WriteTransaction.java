package io.modyn.engine.transaction;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.CancellationReason;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.TransactionCanceledException;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.write.ChangeOrigin;
import io.modyn.engine.write.ItemWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The execution of a TransactWriteItems: one storage transaction that claims the client request
 * token, locks and reads every item (see {@link LockedReads}), evaluates every action in request
 * order, and then either writes every change through the {@link ItemWriter} (index rows and stream
 * records included) and commits, or writes nothing and cancels with one reason per action.
 *
 * <p>This is serializable with respect to every other write: each item is locked before its
 * condition is evaluated and stays locked until the commit, and every single-item write locks its
 * item too, so no write can come between a transaction's reads and its commit.
 */
public final class WriteTransaction {

    /**
     * What a transaction found and left: each action's item before and after (equal for a
     * ConditionCheck; null where absent). Both lists are empty when the request was a retry of a
     * transaction that already committed.
     */
    public record Outcome(boolean replayed, List<Map<String, AttributeValue>> before, List<Map<String, AttributeValue>> after) {

        static final Outcome REPLAYED = new Outcome(true, List.of(), List.of());
    }

    private final ItemWriter writer;
    private final ClientRequestTokens tokens;

    public WriteTransaction(ItemWriter writer, ClientRequestTokens tokens) {
        this.writer = writer;
        this.tokens = tokens;
    }

    /**
     * @param claim the request's client token, or null
     * @throws TransactionCanceledException when a condition fails or an update cannot apply
     * @throws ActionConflictException (a StorageConflictException) when an item cannot be locked
     */
    public Outcome execute(StorageBinding.Bound bound, List<WriteAction> actions, ClientRequestTokens.Claim claim) {
        StorageEngine storage = bound.storage();
        if (claim != null) tokens.prepare(storage);
        try (StorageTransaction tx = storage.begin()) {
            if (claim != null && tokens.alreadyApplied(tx, claim)) return Outcome.REPLAYED;
            List<ItemRef> refs = new ArrayList<>(actions.size());
            for (WriteAction action : actions) refs.add(action.ref());
            List<Map<String, AttributeValue>> before = LockedReads.read(tx, refs);
            List<Map<String, AttributeValue>> after = evaluate(actions, before);
            for (int i = 0; i < actions.size(); i++) {
                WriteAction action = actions.get(i);
                if (action.writes()) writer.write(bound.catalog(), tx, action.table(), action.key(), before.get(i), after.get(i), true, ChangeOrigin.REQUEST);
            }
            if (claim != null) tokens.record(tx, claim);
            tx.commit();
            return new Outcome(false, before, after);
        }
    }

    /**
     * Every action's new item; when any condition fails or any update is invalid, the cancellation
     * with a reason for each action (all of them are evaluated, as DynamoDB reports every failed
     * condition, not just the first).
     */
    private static List<Map<String, AttributeValue>> evaluate(List<WriteAction> actions, List<Map<String, AttributeValue>> before) {
        List<Map<String, AttributeValue>> after = new ArrayList<>(actions.size());
        List<CancellationReason> reasons = new ArrayList<>(actions.size());
        boolean cancelled = false;
        for (int i = 0; i < actions.size(); i++) {
            WriteAction action = actions.get(i);
            Map<String, AttributeValue> current = before.get(i);
            CancellationReason reason = Cancellations.none();
            Map<String, AttributeValue> updated = null;
            if (action.condition() != null && !action.condition().test(current == null ? Map.of() : current)) {
                reason = Cancellations.conditionalCheckFailed(action.returnOldOnFailure() ? current : null);
            } else {
                try {
                    updated = action.apply(current);
                } catch (DynamoException e) {
                    if (e.type() != ErrorType.VALIDATION) throw e;
                    reason = Cancellations.validationError(e.getMessage());
                }
            }
            cancelled |= !reason.code().equals("None");
            reasons.add(reason);
            after.add(updated);
        }
        if (cancelled) throw new TransactionCanceledException(reasons);
        return after;
    }
}
