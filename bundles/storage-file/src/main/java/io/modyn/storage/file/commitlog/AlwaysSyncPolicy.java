package io.modyn.storage.file.commitlog;

import java.time.Duration;

/** The default: write what is waiting at once, fsync, then acknowledge. */
public record AlwaysSyncPolicy() implements SyncPolicy {

    @Override
    public Duration groupWindow() {
        return Duration.ZERO;
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
        return "always";
    }
}
