package io.modyn.engine.transaction;

import io.modyn.api.model.DynamoException;
import io.modyn.api.storage.RecordChangedException;
import io.modyn.api.storage.StorageConflictException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a transaction again when storage reports a conflict (a lock wait that timed out, a deadlock,
 * a serialization failure: nothing of the attempt was applied), with a short random back-off, as
 * the engine does for single-item writes. When the conflict persists, the transaction is cancelled
 * as DynamoDB cancels one that conflicts with another: {@code TransactionConflict} for the action
 * whose item could not be locked (for every action when storage did not say which), None for the
 * others. DynamoDB gives up at the first conflict; retrying first spares clients most of them.
 */
public final class ConflictRetry {

    static final int MAX_ATTEMPTS = 10;

    private ConflictRetry() {
    }

    public static <T> T run(int actions, Supplier<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (RecordChangedException e) {
                throw e; // a table definition changed: the request must run again from its definitions (the engine does that)
            } catch (StorageConflictException e) {
                if (n >= MAX_ATTEMPTS) {
                    int index = e instanceof ActionConflictException conflict ? conflict.actionIndex() : -1;
                    throw Cancellations.cancelledBy(actions, index, Cancellations.transactionConflict());
                }
                backOff(n);
            }
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 1 + Math.min(50, 2 << attempt)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DynamoException.unavailable("Interrupted while retrying a conflicting transaction");
        }
    }
}
