package io.modyn.storage.file.commitlog;

import java.time.Duration;

/**
 * Acknowledges once a commit is written to the operating system and fsyncs on an interval. A
 * process crash loses nothing; a power loss may lose the last interval of acknowledged commits.
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
