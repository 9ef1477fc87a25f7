package io.modyn.itests.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Polls for a state that another node or a recovering backend reaches within a known bound (e.g.
 * the engine's one-second cache of table definitions), instead of sleeping and hoping.
 */
public final class Eventually {

    private static final long POLL_MILLIS = 50;

    private Eventually() {
    }

    /**
     * Polls {@code condition} until it returns true; an exception it throws counts as "not yet".
     * Fails with the last exception as cause if the condition does not hold within {@code timeout}.
     */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        RuntimeException last = null;
        while (true) {
            try {
                if (condition.getAsBoolean()) return;
            } catch (RuntimeException e) {
                last = e;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + timeout.toMillis() + " ms: " + what, last);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
