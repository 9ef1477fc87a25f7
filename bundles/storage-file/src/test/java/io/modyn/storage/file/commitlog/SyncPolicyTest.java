package io.modyn.storage.file.commitlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyncPolicyTest {

    private static final Duration WINDOW = Duration.ofMillis(7);
    private static final Duration PERIOD = Duration.ofMillis(20);

    @Test
    void groupGathersForTheWindowThenSyncsBeforeAcknowledging() {
        SyncPolicy policy = SyncPolicy.named("group", WINDOW, PERIOD);
        assertTrue(policy.syncBeforeAcknowledge());
        assertEquals(WINDOW, policy.groupWindow());
        assertEquals(new GroupSyncPolicy(Duration.ZERO), SyncPolicy.named("group", Duration.ZERO, PERIOD));
    }

    @Test
    void formerNamesStillWork() {
        assertEquals(new GroupSyncPolicy(WINDOW), SyncPolicy.named("Batch", WINDOW, PERIOD));
        assertEquals(new GroupSyncPolicy(Duration.ZERO), SyncPolicy.named("always", WINDOW, PERIOD), "always never waits for a group");
    }

    @Test
    void periodicAcknowledgesBeforeSyncingOnItsInterval() {
        SyncPolicy policy = SyncPolicy.named(" periodic ", WINDOW, PERIOD);
        assertFalse(policy.syncBeforeAcknowledge());
        assertEquals(PERIOD, policy.syncInterval());
    }

    @Test
    void unknownNamesAndBadWindowsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SyncPolicy.named("never", WINDOW, PERIOD));
        assertThrows(IllegalArgumentException.class, () -> SyncPolicy.named("periodic", WINDOW, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> SyncPolicy.named("group", Duration.ofMillis(-1), PERIOD));
    }
}
