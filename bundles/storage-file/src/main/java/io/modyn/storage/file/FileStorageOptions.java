package io.modyn.storage.file;

import io.modyn.storage.file.commitlog.AlwaysSyncPolicy;
import io.modyn.storage.file.commitlog.SyncPolicy;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything a {@link FileStorageEngine} is opened with. Plain values, so the engine is built and
 * tested without OSGi; {@link FileStorageService} derives them from configuration.
 *
 * @param checkpointInterval time between checkpoints; zero disables them (tests checkpoint by hand)
 * @param lockTimeout how long a transaction waits for a record lock before a conflict
 * @param segmentSizeBytes size at which the commit log starts a new segment
 */
public record FileStorageOptions(Path dataDirectory, SyncPolicy syncPolicy, Duration checkpointInterval, Duration lockTimeout,
        long segmentSizeBytes) {

    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);
    public static final long DEFAULT_SEGMENT_SIZE = 32L * 1024 * 1024;

    public FileStorageOptions {
        if (checkpointInterval.isNegative()) throw new IllegalArgumentException("checkpoint interval must not be negative");
        if (lockTimeout.isNegative()) throw new IllegalArgumentException("lock timeout must not be negative");
        if (segmentSizeBytes < 4096) throw new IllegalArgumentException("commit-log segments must be at least 4096 bytes");
    }

    public static FileStorageOptions defaults(Path dataDirectory) {
        return new FileStorageOptions(dataDirectory, new AlwaysSyncPolicy(), DEFAULT_CHECKPOINT_INTERVAL, DEFAULT_LOCK_TIMEOUT,
                DEFAULT_SEGMENT_SIZE);
    }

    public FileStorageOptions withSyncPolicy(SyncPolicy policy) {
        return new FileStorageOptions(dataDirectory, policy, checkpointInterval, lockTimeout, segmentSizeBytes);
    }

    public FileStorageOptions withCheckpointInterval(Duration interval) {
        return new FileStorageOptions(dataDirectory, syncPolicy, interval, lockTimeout, segmentSizeBytes);
    }

    public FileStorageOptions withLockTimeout(Duration timeout) {
        return new FileStorageOptions(dataDirectory, syncPolicy, checkpointInterval, timeout, segmentSizeBytes);
    }

    public FileStorageOptions withSegmentSize(long bytes) {
        return new FileStorageOptions(dataDirectory, syncPolicy, checkpointInterval, lockTimeout, bytes);
    }
}
