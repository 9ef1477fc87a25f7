package io.modyn.storage.file.commitlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyncPolicyTest {

    private static final Duration WINDOW = Duration.ofMillis(7);

    @Test
    void alwaysSyncsBeforeAcknowledgingWithoutWaiting() {
        SyncPolicy policy = SyncPolicy.named("always", WINDOW);
        assertTrue(policy.syncBeforeAcknowledge());
        assertEquals(Duration.ZERO, policy.groupWindow());
    }

    @Test
    void batchGathersForTheWindowThenSyncs() {
        SyncPolicy policy = SyncPolicy.named("Batch", WINDOW);
        assertTrue(policy.syncBeforeAcknowledge());
        assertEquals(WINDOW, policy.groupWindow());
    }

    @Test
    void periodicAcknowledgesBeforeSyncingOnItsInterval() {
        SyncPolicy policy = SyncPolicy.named(" periodic ", WINDOW);
        assertFalse(policy.syncBeforeAcknowledge());
        assertEquals(WINDOW, policy.syncInterval());
    }

    @Test
    void unknownNamesAndBadWindowsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SyncPolicy.named("never", WINDOW));
        assertThrows(IllegalArgumentException.class, () -> SyncPolicy.named("periodic", Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> SyncPolicy.named("batch", Duration.ofMillis(-1)));
    }
}
