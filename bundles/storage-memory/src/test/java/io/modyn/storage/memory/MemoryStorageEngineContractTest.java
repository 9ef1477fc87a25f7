package io.modyn.storage.memory;

import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.contract.StorageEngineContract;
import io.modyn.api.storage.contract.StorageFixture;

/**
 * The memory engine meets the storage contract every backend runs. Its data lives as long as the
 * engine object, so the fixture's "reopen" hands back the same engine: the durability cases then
 * check that closing and reopening loses nothing the engine committed.
 */
class MemoryStorageEngineContractTest extends StorageEngineContract {

    @Override
    protected StorageFixture newFixture() {
        MemoryStorageEngine engine = new MemoryStorageEngine();
        return new StorageFixture() {
            @Override public StorageEngine open() { return engine; }
            @Override public void close(StorageEngine e) { }
        };
    }
}
