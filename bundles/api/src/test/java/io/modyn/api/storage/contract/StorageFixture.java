package io.modyn.api.storage.contract;

import io.modyn.api.storage.StorageEngine;

/**
 * How the contract suite reaches a backend: one fixture owns one set of data (a directory, a
 * database schema) and opens engines on it. The suite reopens an engine on the same data to check
 * durability, so {@link #open} after {@link #close} must see everything committed before.
 */
public interface StorageFixture {

    /** Opens an engine on this fixture's data: empty on the first call, the same data after {@link #close}. */
    StorageEngine open();

    /** Shuts the engine down cleanly, as stopping the backend's bundle would. */
    void close(StorageEngine engine);
}
