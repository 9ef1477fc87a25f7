package io.modyn.storage.file;

import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.contract.StorageEngineContract;
import io.modyn.api.storage.contract.StorageFixture;
import io.modyn.storage.file.commitlog.GroupSyncPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage contract again, with the data in sorted tables: the smallest memtable budget makes
 * the engine switch and flush memtables all the time, so reads merge memtables with tables and
 * tombstones shadow flushed records; every close flushes first, so a reopen finds everything in
 * tables and replays nothing; tiny segments make the log roll over and be released constantly,
 * and the group policy gathers commits for a millisecond.
 *
 * <p>Statistics of flushed data come from table footers (file bytes, records counted per table),
 * which the SPI allows to be estimates, so the suite checks only their sign here.
 */
class FlushedFileStorageEngineContractTest extends StorageEngineContract {

    @TempDir
    Path directory;

    @Override
    protected boolean exactStatistics() {
        return false;
    }

    @Override
    protected StorageFixture newFixture() {
        FileStorageOptions options = FileStorageOptions.defaults(directory)
                .withSyncPolicy(new GroupSyncPolicy(Duration.ofMillis(1)))
                .withLockTimeout(Duration.ofSeconds(2))
                .withSegmentSize(4096)
                .withMemtableBudget(64 * 1024);
        return new StorageFixture() {
            @Override
            public StorageEngine open() {
                return FileStorageEngine.open(options);
            }

            @Override
            public void close(StorageEngine engine) {
                FileStorageEngine fileEngine = (FileStorageEngine) engine;
                try {
                    fileEngine.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    fileEngine.close();
                }
            }
        };
    }
}
