package io.modyn.engine.ttl;

/**
 * Spaces the expirer's deletes evenly so that there are at most N per second. Measured on the
 * monotonic clock, not the TTL clock (which tests may stop or move).
 */
final class DeletePacer {

    private final long nanosBetweenDeletes;
    private long nextAllowed = System.nanoTime();

    DeletePacer(int maxPerSecond) {
        this.nanosBetweenDeletes = 1_000_000_000L / maxPerSecond;
    }

    /** Waits until the next delete is allowed. */
    void awaitTurn() throws InterruptedException {
        long now = System.nanoTime();
        // A pacer idle for a while does not build up a burst: the schedule restarts from now.
        if (nextAllowed < now) nextAllowed = now;
        long wait = nextAllowed - now;
        nextAllowed += nanosBetweenDeletes;
        if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
}
