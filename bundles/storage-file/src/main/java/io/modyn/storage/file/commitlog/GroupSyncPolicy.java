package io.modyn.storage.file.commitlog;

import java.time.Duration;

/**
 * The default, {@code group}: an acknowledged commit is on disk. The writer gathers the commits
 * that arrive within {@code window} of the first (zero: only those already waiting), writes them
 * together, fsyncs once, then acknowledges them all; while it syncs the next group forms, so under
 * load many commits share each fsync. {@code always} and {@code batch}, the names of earlier
 * versions, mean this policy with a zero and a configured window.
 */
public record GroupSyncPolicy(Duration window) implements SyncPolicy {

    public GroupSyncPolicy {
        if (window.isNegative()) throw new IllegalArgumentException("group window must not be negative: " + window);
    }

    @Override
    public Duration groupWindow() {
        return window;
    }

    @Override
    public boolean syncBeforeAcknowledge() {
        return true;
    }

    @Override
    public Duration syncInterval() {
        return Duration.ZERO;
    }

    @Override
    public String toString() {
        return "group(" + window.toMillis() + " ms)";
    }
}
