package io.modyn.api.storage.memory;

import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.contract.StorageEngineContract;
import io.modyn.api.storage.contract.StorageFixture;

/** The reference implementation meets the contract; its "durability" is the object's life. */
class InMemoryStorageEngineContractTest extends StorageEngineContract {

    @Override
    protected StorageFixture newFixture() {
        InMemoryStorageEngine engine = new InMemoryStorageEngine();
        return new StorageFixture() {
            @Override public StorageEngine open() { return engine; }
            @Override public void close(StorageEngine e) { }
        };
    }
}
