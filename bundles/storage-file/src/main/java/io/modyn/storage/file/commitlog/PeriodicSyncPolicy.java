package io.modyn.storage.file.commitlog;

import java.time.Duration;

/**
 * {@code periodic}: a commit is acknowledged once written to the operating system, and the log is
 * fsynced every {@code interval}. A process crash (even {@code kill -9}) loses nothing, since the
 * OS has the data; a power loss or kernel crash may lose the commits acknowledged in the last
 * interval. Faster for single writers, weaker than {@code group}: choose it knowingly.
 */
public record PeriodicSyncPolicy(Duration interval) implements SyncPolicy {

    public PeriodicSyncPolicy {
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("sync interval must be positive: " + interval);
    }

    @Override
    public Duration groupWindow() {
        return Duration.ZERO;
    }

    @Override
    public boolean syncBeforeAcknowledge() {
        return false;
    }

    @Override
    public Duration syncInterval() {
        return interval;
    }

    @Override
    public String toString() {
        return "periodic(" + interval.toMillis() + " ms)";
    }
}
