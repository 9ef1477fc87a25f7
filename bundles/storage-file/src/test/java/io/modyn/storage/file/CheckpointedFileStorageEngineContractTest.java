package io.modyn.storage.file;

import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.contract.StorageEngineContract;
import io.modyn.api.storage.contract.StorageFixture;
import io.modyn.storage.file.commitlog.BatchSyncPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage contract again, on the other recovery path: every close writes a checkpoint first,
 * so a reopen loads a snapshot instead of replaying the log; tiny segments make the log roll over
 * constantly, and the batch fsync policy groups commits.
 */
class CheckpointedFileStorageEngineContractTest extends StorageEngineContract {

    @TempDir
    Path directory;

    @Override
    protected StorageFixture newFixture() {
        FileStorageOptions options = FileStorageOptions.defaults(directory)
                .withSyncPolicy(new BatchSyncPolicy(Duration.ofMillis(1)))
                .withCheckpointInterval(Duration.ZERO)
                .withLockTimeout(Duration.ofSeconds(2))
                .withSegmentSize(4096);
        return new StorageFixture() {
            @Override
            public StorageEngine open() {
                return FileStorageEngine.open(options);
            }

            @Override
            public void close(StorageEngine engine) {
                FileStorageEngine fileEngine = (FileStorageEngine) engine;
                try {
                    fileEngine.checkpoint();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    fileEngine.close();
                }
            }
        };
    }
}
