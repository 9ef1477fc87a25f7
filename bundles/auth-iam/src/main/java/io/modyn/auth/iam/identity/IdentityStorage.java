package io.modyn.auth.iam.identity;

import io.modyn.api.model.DynamoException;
import io.modyn.api.storage.StorageEngine;

/**
 * The storage backend the identities live in, as the component's optional dynamic reference
 * binds and unbinds it. While none is bound, identity operations fail with a retryable
 * {@code ServiceUnavailable}, as data requests do; the account root still authenticates.
 */
public final class IdentityStorage {

    private volatile StorageEngine engine;

    public void bind(StorageEngine engine) {
        this.engine = engine;
    }

    /** Forgets the engine if it is the one bound. */
    public void unbind(StorageEngine engine) {
        if (this.engine == engine) this.engine = null;
    }

    StorageEngine engine() {
        StorageEngine current = engine;
        if (current == null) {
            throw DynamoException.unavailable("No storage backend is available for IAM identities; retry shortly");
        }
        return current;
    }
}
