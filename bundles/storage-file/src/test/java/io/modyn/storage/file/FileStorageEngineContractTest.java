package io.modyn.storage.file;

import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.contract.StorageEngineContract;
import io.modyn.api.storage.contract.StorageFixture;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on the file engine with its defaults (group fsync, memtables that hold the whole test). */
class FileStorageEngineContractTest extends StorageEngineContract {

    @TempDir
    Path directory;

    @Override
    protected StorageFixture newFixture() {
        FileStorageOptions options = FileStorageOptions.defaults(directory)
                .withLockTimeout(Duration.ofSeconds(2));
        return new StorageFixture() {
            @Override
            public StorageEngine open() {
                return FileStorageEngine.open(options);
            }

            @Override
            public void close(StorageEngine engine) {
                ((FileStorageEngine) engine).close();
            }
        };
    }
}
