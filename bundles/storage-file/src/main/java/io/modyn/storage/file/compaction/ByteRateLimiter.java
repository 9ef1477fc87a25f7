package io.modyn.storage.file.compaction;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket on bytes written, shared by all compactions so that together they stay under the
 * configured rate and leave the disk to flushes and reads. The bucket holds at most one second of
 * bytes; a caller takes what it wrote and, if that leaves the bucket in debt, waits until the
 * debt is repaid. Callers after it inherit the debt, so the long-run rate holds whatever the
 * sizes of the writes.
 *
 * <p>{@link #reserve} computes the wait without sleeping: the caller sleeps (watching for abort),
 * and tests check the waits with their own clock.
 */
final class ByteRateLimiter {

    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final long bytesPerSecond;
    private final LongSupplier nanoClock;
    private double tokens;
    private long refilledAt;

    /** @param bytesPerSecond the rate; 0 = unlimited */
    ByteRateLimiter(long bytesPerSecond, LongSupplier nanoClock) {
        if (bytesPerSecond < 0) throw new IllegalArgumentException("rate must not be negative");
        this.bytesPerSecond = bytesPerSecond;
        this.nanoClock = nanoClock;
        this.tokens = bytesPerSecond;
        this.refilledAt = nanoClock.getAsLong();
    }

    ByteRateLimiter(long bytesPerSecond) {
        this(bytesPerSecond, System::nanoTime);
    }

    /** Takes the bytes from the bucket and returns how long the caller must wait, in nanoseconds. */
    synchronized long reserve(long bytes) {
        if (bytesPerSecond == 0 || bytes <= 0) {
            return 0;
        }
        long now = nanoClock.getAsLong();
        tokens = Math.min(bytesPerSecond, tokens + (double) (now - refilledAt) * bytesPerSecond / NANOS_PER_SECOND);
        refilledAt = now;
        tokens -= bytes;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens * NANOS_PER_SECOND / bytesPerSecond);
    }
}
