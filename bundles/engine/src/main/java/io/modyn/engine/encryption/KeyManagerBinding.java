package io.modyn.engine.encryption;

import io.modyn.api.crypto.KeyManager;
import io.modyn.api.model.DynamoException;

/**
 * The key service the engine currently uses, bound and unbound dynamically like storage. Without
 * one, encrypted tables cannot be read or written: their requests fail with a retryable error, and
 * nothing is ever written unsealed in the meantime.
 */
public final class KeyManagerBinding {

    private volatile KeyManager keyManager;

    public void bind(KeyManager manager) {
        keyManager = manager;
    }

    /** Unbinds the service if it is the one bound; a stale unbind after a newer bind is ignored. */
    public synchronized void unbind(KeyManager manager) {
        if (keyManager == manager) keyManager = null;
    }

    public boolean isBound() {
        return keyManager != null;
    }

    public KeyManager require() {
        KeyManager current = keyManager;
        if (current == null) {
            throw DynamoException.unavailable("The key service (KMS) that protects this table's encryption keys is not available; retry the request");
        }
        return current;
    }
}
