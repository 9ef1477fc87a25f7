package io.modyn.kms.keys;

import io.modyn.api.crypto.RootKeySource;
import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageConflictException;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageRecord;
import io.modyn.api.storage.StorageTransaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keys at rest, in the system keyspace {@value #KEYSPACE} of the storage SPI, so that every node on
 * one PostgreSQL database shares them. Layout (partition / sort):
 * <ul>
 *   <li>{@code root} / {@code check}: a constant wrapped by the root key, to recognise the right one;</li>
 *   <li>{@code keys} / key id: the key's metadata ({@link KmsKey} as JSON, nothing secret);</li>
 *   <li>{@code versions/<key id>} / version (4 bytes, big-endian): that version's 32-byte
 *       material wrapped by the root key, with the key id and version as associated data, so a
 *       wrapped value moved to another key or version does not open;</li>
 *   <li>{@code aliases} / alias name: the target key id.</li>
 * </ul>
 * Every change is one storage transaction. Material, once unwrapped, is cached: a version never changes.
 */
public final class KeyStore {

    public static final String KEYSPACE = "modyn.kms";

    private static final byte[] ROOT = bytes("root");
    private static final byte[] CHECK = bytes("check");
    private static final byte[] KEYS = bytes("keys");
    private static final byte[] ALIASES = bytes("aliases");
    private static final byte[] CHECK_VALUE = bytes("Modyn KMS root key check, version 1");
    private static final byte[] CHECK_CONTEXT = bytes("modyn.kms root check");
    private static final int ATTEMPTS = 5;

    private final StorageEngine storage;
    private final RootKeySource root;
    private final Map<String, byte[]> material = new ConcurrentHashMap<>();

    public KeyStore(StorageEngine storage, RootKeySource root) {
        this.storage = storage;
        this.root = root;
    }

    /**
     * Creates the keyspace and checks the root key against the stored check value (storing one on
     * the first start).
     *
     * @throws RootKeyMismatchException if the root key is not the one the stored keys were wrapped with
     */
    public void open() {
        if (!storage.keyspaceExists(KEYSPACE)) {
            storage.createKeyspace(KEYSPACE);
        }
        byte[] stored = storage.get(KEYSPACE, ROOT, CHECK);
        if (stored == null) {
            inTransaction(tx -> {
                if (tx.getForUpdate(KEYSPACE, ROOT, CHECK) == null) {
                    tx.put(KEYSPACE, ROOT, CHECK, root.wrap(CHECK_VALUE, CHECK_CONTEXT));
                    tx.commit();
                }
                return null;
            });
            stored = storage.get(KEYSPACE, ROOT, CHECK);
        }
        try {
            if (Arrays.equals(root.unwrap(stored, CHECK_CONTEXT), CHECK_VALUE)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // the wrong key; said below
        }
        throw new RootKeyMismatchException("The KMS root key (" + root.description() + ") is not the key that wrapped the KMS keys in "
                + storage.name() + " storage: start with the original root key (--kms-root-key-file, or MODYN_KMS_ROOT_KEY). Nothing was changed.");
    }

    public Optional<KmsKey> key(String id) {
        byte[] value = storage.get(KEYSPACE, KEYS, bytes(id));
        return value == null ? Optional.empty() : Optional.of(KmsKey.fromJson(value));
    }

    public List<KmsKey> keys() {
        List<KmsKey> keys = new ArrayList<>();
        try (RecordCursor cursor = storage.query(KEYSPACE, KEYS, KeyRange.all(), false)) {
            cursor.forEachRemaining(record -> keys.add(KmsKey.fromJson(record.value())));
        }
        return keys;
    }

    /** Stores a new key with its first version's material. */
    public void create(KmsKey key, byte[] firstVersion) {
        inTransaction(tx -> {
            tx.put(KEYSPACE, KEYS, bytes(key.id()), key.toJson());
            tx.put(KEYSPACE, versionsPartition(key.id()), version(key.currentVersion()),
                    root.wrap(firstVersion, materialContext(key.id(), key.currentVersion())));
            tx.commit();
            return null;
        });
        material.put(cacheKey(key.id(), key.currentVersion()), firstVersion.clone());
    }

    /**
     * Changes a key's metadata atomically: reads it locked, applies the change (which may throw to
     * refuse), writes the result. Returns the new metadata, or empty if the key does not exist.
     */
    public Optional<KmsKey> update(String id, Function<KmsKey, KmsKey> change) {
        return inTransaction(tx -> {
            byte[] value = tx.getForUpdate(KEYSPACE, KEYS, bytes(id));
            if (value == null) {
                return Optional.empty();
            }
            KmsKey changed = change.apply(KmsKey.fromJson(value));
            tx.put(KEYSPACE, KEYS, bytes(id), changed.toJson());
            tx.commit();
            return Optional.of(changed);
        });
    }

    /**
     * Adds a version with new material and makes it current, with the rotation recorded, atomically.
     * {@code check} may refuse by throwing, with the key as read under the lock.
     */
    public Optional<KmsKey> rotate(String id, long now, String type, long nextRotation, java.util.function.Consumer<KmsKey> check,
                                   byte[] newMaterial) {
        return inTransaction(tx -> {
            byte[] value = tx.getForUpdate(KEYSPACE, KEYS, bytes(id));
            if (value == null) {
                return Optional.empty();
            }
            KmsKey key = KmsKey.fromJson(value);
            check.accept(key);
            int version = key.currentVersion() + 1;
            KmsKey rotated = key.rotated(new Rotation(version, now, type), nextRotation);
            tx.put(KEYSPACE, versionsPartition(id), version(version), root.wrap(newMaterial, materialContext(id, version)));
            tx.put(KEYSPACE, KEYS, bytes(id), rotated.toJson());
            tx.commit();
            return Optional.of(rotated);
        });
    }

    /**
     * Stores a new key with its first version and an alias for it, unless the alias exists: then
     * nothing is stored. Returns the id of the key the alias names afterwards.
     */
    public String createWithAlias(String alias, KmsKey key, byte[] firstVersion) {
        String id = inTransaction(tx -> {
            byte[] existing = tx.getForUpdate(KEYSPACE, ALIASES, bytes(alias));
            if (existing != null) {
                return string(existing);
            }
            tx.put(KEYSPACE, KEYS, bytes(key.id()), key.toJson());
            tx.put(KEYSPACE, versionsPartition(key.id()), version(key.currentVersion()),
                    root.wrap(firstVersion, materialContext(key.id(), key.currentVersion())));
            tx.put(KEYSPACE, ALIASES, bytes(alias), bytes(key.id()));
            tx.commit();
            return key.id();
        });
        if (id.equals(key.id())) {
            material.put(cacheKey(key.id(), key.currentVersion()), firstVersion.clone());
        }
        return id;
    }

    /**
     * Deletes a key, every version of its material, and the aliases that name it, if the key, read
     * under its lock, still satisfies {@code condition}; returns whether it did.
     */
    public boolean deleteIf(String id, java.util.function.Predicate<KmsKey> condition) {
        boolean deleted = inTransaction(tx -> {
            byte[] value = tx.getForUpdate(KEYSPACE, KEYS, bytes(id));
            if (value == null || !condition.test(KmsKey.fromJson(value))) {
                return false;
            }
            tx.delete(KEYSPACE, KEYS, bytes(id));
            try (RecordCursor versions = storage.query(KEYSPACE, versionsPartition(id), KeyRange.all(), false)) {
                versions.forEachRemaining(record -> tx.delete(KEYSPACE, record.partition(), record.sort()));
            }
            aliases().forEach((name, target) -> {
                if (target.equals(id)) {
                    tx.delete(KEYSPACE, ALIASES, bytes(name));
                }
            });
            tx.commit();
            return true;
        });
        if (deleted) {
            material.keySet().removeIf(k -> k.startsWith(id + "/"));
        }
        return deleted;
    }

    /** A version's material, unwrapped; empty if the key has no such version. */
    public Optional<byte[]> material(String id, int version) {
        String cacheKey = cacheKey(id, version);
        byte[] cached = material.get(cacheKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        byte[] wrapped = storage.get(KEYSPACE, versionsPartition(id), version(version));
        if (wrapped == null) {
            return Optional.empty();
        }
        try {
            byte[] unwrapped = root.unwrap(wrapped, materialContext(id, version));
            material.put(cacheKey, unwrapped);
            return Optional.of(unwrapped);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored material of KMS key " + id + " version " + version
                    + " does not open with the root key (" + root.description() + "): it was changed in storage");
        }
    }

    /** Every alias name with its target key id, in name order. */
    public Map<String, String> aliases() {
        Map<String, String> aliases = new LinkedHashMap<>();
        try (RecordCursor cursor = storage.query(KEYSPACE, ALIASES, KeyRange.all(), false)) {
            while (cursor.hasNext()) {
                StorageRecord record = cursor.next();
                aliases.put(string(record.sort()), string(record.value()));
            }
        }
        return aliases;
    }

    public Optional<String> aliasTarget(String name) {
        byte[] value = storage.get(KEYSPACE, ALIASES, bytes(name));
        return value == null ? Optional.empty() : Optional.of(string(value));
    }

    /**
     * Points an alias at a key. With {@code mustExist} false the alias must be new, with true it
     * must exist; returns false (and changes nothing) when that does not hold.
     */
    public boolean putAlias(String name, String keyId, boolean mustExist) {
        return inTransaction(tx -> {
            boolean exists = tx.getForUpdate(KEYSPACE, ALIASES, bytes(name)) != null;
            if (exists != mustExist) {
                return false;
            }
            tx.put(KEYSPACE, ALIASES, bytes(name), bytes(keyId));
            tx.commit();
            return true;
        });
    }

    /** Removes an alias; false if there was none. */
    public boolean deleteAlias(String name) {
        return inTransaction(tx -> {
            if (tx.getForUpdate(KEYSPACE, ALIASES, bytes(name)) == null) {
                return false;
            }
            tx.delete(KEYSPACE, ALIASES, bytes(name));
            tx.commit();
            return true;
        });
    }

    private <T> T inTransaction(Function<StorageTransaction, T> work) {
        for (int attempt = 1; ; attempt++) {
            try (StorageTransaction tx = storage.begin()) {
                return work.apply(tx);
            } catch (StorageConflictException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static byte[] materialContext(String id, int version) {
        return bytes("modyn.kms key material v1\u0000" + id + "\u0000" + version);
    }

    private static byte[] versionsPartition(String id) {
        return bytes("versions/" + id);
    }

    private static byte[] version(int version) {
        return ByteBuffer.allocate(4).putInt(version).array();
    }

    private static String cacheKey(String id, int version) {
        return id + "/" + version;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String string(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
