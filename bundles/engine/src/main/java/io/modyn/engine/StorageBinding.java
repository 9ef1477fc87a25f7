package io.modyn.engine;

import io.modyn.api.model.DynamoException;
import io.modyn.api.storage.StorageEngine;
import io.modyn.engine.catalog.TableCatalog;

/**
 * The storage backend the engine currently uses, with its table catalog. Storage is bound and
 * unbound dynamically (a backend can be stopped, updated or swapped while the server runs); while
 * none is bound every request fails with a retryable error so that SDK clients back off and retry.
 */
public final class StorageBinding {

    /** A bound backend and the catalog that reads table definitions from it. */
    public record Bound(StorageEngine storage, TableCatalog catalog) {
    }

    private volatile Bound bound;

    public void bind(StorageEngine storage) {
        bound = new Bound(storage, new TableCatalog(storage));
    }

    /** Unbinds the backend if it is the one bound; a stale unbind after a newer bind is ignored. */
    public synchronized void unbind(StorageEngine storage) {
        Bound current = bound;
        if (current != null && current.storage() == storage) bound = null;
    }

    /** Whether a backend is bound now. */
    public boolean isBound() {
        return bound != null;
    }

    public Bound require() {
        Bound current = bound;
        if (current == null) throw DynamoException.unavailable("The storage backend is not available; retry the request");
        return current;
    }
}
