package io.modyn.engine.stream;

import io.modyn.api.storage.StorageEngine;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates the keyspaces streams need (the registry, one per stream, the listener positions) the
 * first time this node uses each, and remembers which exist so that the write path pays for it
 * once. Creation is idempotent and durable, so a keyspace created by another node is harmless.
 * The memory is per storage backend: a newly bound backend starts afresh.
 */
final class StreamKeyspaces {

    private final ConcurrentHashMap<String, Boolean> known = new ConcurrentHashMap<>();
    private volatile StorageEngine storage;

    /** Makes sure the keyspace exists; concurrent callers for one keyspace wait for its creation. */
    void ensure(StorageEngine engine, String keyspace) {
        if (engine != storage) {
            synchronized (this) {
                if (engine != storage) {
                    known.clear();
                    storage = engine;
                }
            }
        }
        known.computeIfAbsent(keyspace, name -> {
            engine.createKeyspace(name);
            return Boolean.TRUE;
        });
    }

    /** Forgets a keyspace that was dropped, so that it is created again if ever needed. */
    void forget(String keyspace) {
        known.remove(keyspace);
    }
}
