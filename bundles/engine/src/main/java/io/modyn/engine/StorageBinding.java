package io.modyn.engine;

import io.modyn.api.model.DynamoException;
import io.modyn.api.storage.StorageEngine;
import io.modyn.engine.catalog.TableCatalog;
import io.modyn.engine.encryption.EncryptionSettings;
import io.modyn.engine.encryption.KeyManagerBinding;
import io.modyn.engine.encryption.SealingStorageEngine;
import io.modyn.engine.encryption.TableKeys;
import java.time.Clock;

/**
 * The storage backend the engine currently uses, with its table catalog. Storage is bound and
 * unbound dynamically (a backend can be stopped, updated or swapped while the server runs); while
 * none is bound every request fails with a retryable error so that SDK clients back off and retry.
 *
 * <p>The engine sees the backend through a {@link SealingStorageEngine}, which encrypts the values
 * of encrypted tables; {@link Bound#keys()} are those tables' keys.
 */
public final class StorageBinding {

    /** A bound backend (seen through the sealing layer), the catalog that reads table definitions from it, and the tables' keys. */
    public record Bound(StorageEngine storage, TableCatalog catalog, TableKeys keys) {
    }

    private final KeyManagerBinding keyManagers;
    private volatile EncryptionSettings encryption;
    private volatile Bound bound;

    /** A binding without a key service (tests): tables with a KMS key fail with a retryable error. */
    public StorageBinding() {
        this(new KeyManagerBinding(), EncryptionSettings.defaults());
    }

    public StorageBinding(KeyManagerBinding keyManagers, EncryptionSettings encryption) {
        this.keyManagers = keyManagers;
        this.encryption = encryption;
    }

    public KeyManagerBinding keyManagers() {
        return keyManagers;
    }

    /** Sets how tables are encrypted (from the configuration), binding the current backend again with it. */
    public synchronized void configure(EncryptionSettings settings) {
        encryption = settings;
        Bound current = bound;
        if (current != null && current.storage() instanceof SealingStorageEngine sealing) bind(sealing.backend());
    }

    public synchronized void bind(StorageEngine storage) {
        TableKeys keys = new TableKeys(storage, keyManagers, encryption, Clock.systemUTC());
        SealingStorageEngine sealing = new SealingStorageEngine(storage, keys);
        TableCatalog catalog = new TableCatalog(sealing);
        sealing.catalog(catalog);
        bound = new Bound(sealing, catalog, keys);
    }

    /** Unbinds the backend if it is the one bound; a stale unbind after a newer bind is ignored. */
    public synchronized void unbind(StorageEngine storage) {
        Bound current = bound;
        if (current != null && current.storage() instanceof SealingStorageEngine sealing && sealing.backend() == storage) bound = null;
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
