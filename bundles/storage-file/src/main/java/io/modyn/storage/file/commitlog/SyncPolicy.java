package io.modyn.storage.file.commitlog;

import java.time.Duration;
import java.util.Locale;

/**
 * When the commit-log writer fsyncs, and whether a commit is acknowledged before or after. The
 * writer always groups the commits waiting when it starts a write, so concurrent writers share an
 * fsync whatever the policy.
 */
public interface SyncPolicy {

    /** How long the writer keeps gathering commits after the first arrives; zero to write at once. */
    Duration groupWindow();

    /** True if a commit is acknowledged only once it is fsynced; false if once it is written to the OS. */
    boolean syncBeforeAcknowledge();

    /** For policies that acknowledge before syncing: the longest written data stays unsynced. */
    Duration syncInterval();

    /**
     * The policy named in configuration: {@code group} (the default) gathering for
     * {@code groupWindow}, with the former names {@code batch} (the same) and {@code always} (no window), or
     * {@code periodic} syncing every {@code period}.
     */
    static SyncPolicy named(String name, Duration groupWindow, Duration period) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "group", "batch" -> new GroupSyncPolicy(groupWindow);
            case "always" -> new GroupSyncPolicy(Duration.ZERO);
            case "periodic" -> new PeriodicSyncPolicy(period);
            default -> throw new IllegalArgumentException("fsync policy must be group or periodic, not '" + name + "'");
        };
    }
}
