package io.modyn.engine.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.model.CancellationReason;
import io.modyn.api.model.TransactionCanceledException;
import io.modyn.api.storage.StorageConflictException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConflictRetryTest {

    private static final CancellationReason NONE = new CancellationReason("None", null, null);
    private static final CancellationReason CONFLICT = new CancellationReason("TransactionConflict", "Transaction is ongoing for the item", null);

    @Test
    void aPassingConflictIsRetried() {
        AtomicInteger attempts = new AtomicInteger();
        String result = ConflictRetry.run(1, () -> {
            if (attempts.incrementAndGet() < 3) throw new StorageConflictException("lock wait timed out");
            return "done";
        });
        assertEquals("done", result);
        assertEquals(3, attempts.get());
    }

    @Test
    void aPersistentConflictCancelsWithTransactionConflictForTheActionThatCouldNotLock() {
        AtomicInteger attempts = new AtomicInteger();
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class, () -> ConflictRetry.run(3, () -> {
            attempts.incrementAndGet();
            throw new ActionConflictException(1, new StorageConflictException("lock wait timed out"));
        }));
        assertEquals(ConflictRetry.MAX_ATTEMPTS, attempts.get());
        assertEquals(List.of(NONE, CONFLICT, NONE), e.reasons());
    }

    @Test
    void aConflictStorageCannotPlaceIsReportedForEveryAction() {
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class, () -> ConflictRetry.run(2, () -> {
            throw new StorageConflictException("serialization failure at commit");
        }));
        assertEquals(List.of(CONFLICT, CONFLICT), e.reasons());
    }
}
