package io.modyn.engine.encryption;

import io.modyn.api.crypto.DataKey;
import io.modyn.api.crypto.KeyManager;
import io.modyn.api.crypto.KeyManagerException;
import io.modyn.api.crypto.KeyReference;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.model.DynamoException;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageRecord;
import io.modyn.api.storage.StorageTransaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of tables: each table has data keys (AES-256, one per version) issued by the
 * key service under the table's master key; only their wrapped copies are stored, in keyspace
 * {@value #KEYSPACE} (partition: the table id; sort: empty for the {@link KeyRing}, the version for
 * a wrapped key). Plaintext data keys are kept in memory for {@link EncryptionSettings#dataKeyCacheTime}
 * at most, and the master key's state is checked again every {@link EncryptionSettings#keyCheckInterval}
 * while a table is used: a disabled or deleted master key stops the table's reads and writes within
 * that interval, with DynamoDB's errors; re-enabling it restores them.
 *
 * <p>The encryption context of a wrapped data key names the table and the version, so a wrapped key
 * copied to another table does not open. Changing the master key re-wraps every version under the
 * new key and adds a version for new writes; old items keep opening with their version.
 */
public final class TableKeys {

    public static final String KEYSPACE = "modyn.table-keys";
    /** The AWS managed key of DynamoDB, which also serves as the owned key of this server. */
    public static final String AWS_MANAGED_KEY = "alias/aws/dynamodb";

    private static final byte[] RING = new byte[0];

    /** A data key to seal with. */
    public record WriteKey(int version, SecretKey key) {
    }

    private final StorageEngine storage;
    private final KeyManagerBinding keyManagers;
    private final EncryptionSettings settings;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    private static final class Entry {
        volatile KeyRing ring;
        volatile long ringLoadedAt;
        volatile long keyCheckedAt;
        volatile long keysLoadedAt;
        final Map<Integer, SecretKey> keys = new ConcurrentHashMap<>();
    }

    public TableKeys(StorageEngine storage, KeyManagerBinding keyManagers, EncryptionSettings settings, Clock clock) {
        this.storage = storage;
        this.keyManagers = keyManagers;
        this.settings = settings;
        this.clock = clock;
        storage.createKeyspace(KEYSPACE);
    }

    public EncryptionSettings settings() {
        return settings;
    }

    /** The table's key record as stored now (refreshed at most every key check interval); null if none. */
    public KeyRing ring(String tableId) {
        return entry(tableId).ring;
    }

    /**
     * The data key new writes of the table seal with; null if the table's values are stored
     * unsealed (owned key without {@code --encrypt-all}). Under {@code --encrypt-all} a table
     * without a key record (one created before) gets one under the owned key now.
     */
    public WriteKey writeKey(String tableId) {
        Entry entry = entry(tableId);
        KeyRing ring = entry.ring;
        if (ring == null) {
            if (!settings.encryptAll()) return null;
            create(tableId, KeyRing.Mode.OWNED, AWS_MANAGED_KEY);
            entry = entry(tableId);
            ring = entry.ring;
        }
        return new WriteKey(ring.currentVersion(), key(tableId, entry, ring, ring.currentVersion()));
    }

    /** The data key of a version, to open a value sealed with it. */
    public SecretKey readKey(String tableId, int version) {
        Entry entry = entry(tableId);
        KeyRing ring = entry.ring;
        if (ring == null || version > ring.currentVersion()) {
            // Another node may have added the version (a key change) since this one last looked.
            entry.ringLoadedAt = 0;
            entry = entry(tableId);
            ring = entry.ring;
        }
        if (ring == null || version < 1 || version > ring.currentVersion()) {
            throw DynamoException.internal("A stored value of this table names encryption key version " + version + ", which the table does not have", null);
        }
        return key(tableId, entry, ring, version);
    }

    /** Gives a new table its key record and first data key under the master key named (id, ARN or alias). */
    public KeyRing create(String tableId, KeyRing.Mode mode, String masterKeyId) {
        return create(tableId, mode, masterKeyId, null);
    }

    /**
     * Like {@link #create(String, KeyRing.Mode, String)}, with the key service acting on behalf of
     * the caller of CreateTable or UpdateTable (null: the server itself), as DynamoDB does: a caller
     * who may not use the key gets {@code AccessDeniedException}.
     */
    public KeyRing create(String tableId, KeyRing.Mode mode, String masterKeyId, RequestContext caller) {
        KeyManager keyManager = keyManagers.require();
        try (StorageTransaction tx = storage.begin()) {
            byte[] existing = tx.getForUpdate(KEYSPACE, partition(tableId), RING);
            if (existing != null) return KeyRing.decode(existing);
            DataKey dataKey = caller == null ? keyManager.generateDataKey(masterKeyId, context(tableId, 1))
                    : keyManager.generateDataKey(masterKeyId, context(tableId, 1), caller);
            Arrays.fill(dataKey.plaintext(), (byte) 0);
            KeyRing ring = new KeyRing(mode, dataKey.keyArn(), 1, 0);
            tx.put(KEYSPACE, partition(tableId), version(1), dataKey.ciphertextBlob());
            tx.put(KEYSPACE, partition(tableId), RING, ring.encode());
            tx.commit();
            cache.remove(tableId);
            return ring;
        } catch (KeyManagerException e) {
            throw KmsErrors.of(e);
        }
    }

    /**
     * Moves the table to another master key: every data key version is re-wrapped under it (items
     * sealed before stay readable without being rewritten) and a new version is added for new writes.
     */
    public KeyRing changeMasterKey(String tableId, KeyRing.Mode mode, String masterKeyId, RequestContext caller) {
        KeyManager keyManager = keyManagers.require();
        if (storage.get(KEYSPACE, partition(tableId), RING) == null) return create(tableId, mode, masterKeyId, caller);
        try (StorageTransaction tx = storage.begin()) {
            byte[] stored = tx.getForUpdate(KEYSPACE, partition(tableId), RING);
            KeyRing ring = KeyRing.decode(stored);
            String arn = (caller == null ? keyManager.resolve(masterKeyId) : keyManager.resolve(masterKeyId, caller)).arn();
            for (int version = 1; version <= ring.currentVersion(); version++) {
                byte[] wrapped = tx.getForUpdate(KEYSPACE, partition(tableId), version(version));
                byte[] plain = keyManager.decryptDataKey(wrapped, context(tableId, version));
                DataKey rewrapped = keyManager.encryptDataKey(arn, plain, context(tableId, version));
                Arrays.fill(plain, (byte) 0);
                tx.put(KEYSPACE, partition(tableId), version(version), rewrapped.ciphertextBlob());
            }
            int next = ring.currentVersion() + 1;
            DataKey fresh = caller == null ? keyManager.generateDataKey(arn, context(tableId, next))
                    : keyManager.generateDataKey(arn, context(tableId, next), caller);
            Arrays.fill(fresh.plaintext(), (byte) 0);
            tx.put(KEYSPACE, partition(tableId), version(next), fresh.ciphertextBlob());
            KeyRing changed = new KeyRing(mode, fresh.keyArn(), next, 0);
            tx.put(KEYSPACE, partition(tableId), RING, changed.encode());
            tx.commit();
            cache.remove(tableId);
            return changed;
        } catch (KeyManagerException e) {
            throw KmsErrors.of(e);
        }
    }

    /** Adds a data key version under the same master key; new writes use it, older versions still open. */
    public KeyRing rotate(String tableId) {
        KeyRing ring = ring(tableId);
        if (ring == null) throw new IllegalStateException("table " + tableId + " has no encryption keys");
        KeyManager keyManager = keyManagers.require();
        try (StorageTransaction tx = storage.begin()) {
            KeyRing current = KeyRing.decode(tx.getForUpdate(KEYSPACE, partition(tableId), RING));
            int next = current.currentVersion() + 1;
            DataKey fresh = keyManager.generateDataKey(current.masterKeyArn(), context(tableId, next));
            Arrays.fill(fresh.plaintext(), (byte) 0);
            tx.put(KEYSPACE, partition(tableId), version(next), fresh.ciphertextBlob());
            KeyRing rotated = current.withVersion(next);
            tx.put(KEYSPACE, partition(tableId), RING, rotated.encode());
            tx.commit();
            cache.remove(tableId);
            return rotated;
        } catch (KeyManagerException e) {
            throw KmsErrors.of(e);
        }
    }

    /**
     * The table's key record as stored now, with its master key checked now: a key found unusable is recorded as
     * inaccessible since now (kept until it is usable again). Null if the table has no record.
     */
    public KeyRing checked(String tableId) {
        Entry cached = cache.get(tableId);
        if (cached != null) cached.ringLoadedAt = 0; // DescribeTable shows what another node changed, at once
        Entry entry = entry(tableId);
        if (entry.ring == null || !keyManagers.isBound()) return entry.ring;
        try {
            checkKey(tableId, entry, entry.ring);
        } catch (DynamoException e) {
            // recorded by checkKey
        }
        return entry(tableId).ring;
    }

    /**
     * Forgets a table's keys: for a table whose creation failed. A deleted table keeps them, since its
     * stream records stay readable for the stream's retention period.
     */
    public void forget(String tableId) {
        List<byte[]> sorts = new ArrayList<>();
        try (RecordCursor cursor = storage.query(KEYSPACE, partition(tableId), io.modyn.api.storage.KeyRange.all(), false)) {
            while (cursor.hasNext()) {
                StorageRecord record = cursor.next();
                sorts.add(record.sort());
            }
        }
        try (StorageTransaction tx = storage.begin()) {
            for (byte[] sort : sorts) tx.delete(KEYSPACE, partition(tableId), sort);
            tx.commit();
        }
        cache.remove(tableId);
    }

    private SecretKey key(String tableId, Entry entry, KeyRing ring, int version) {
        long now = clock.millis();
        if (now - entry.keyCheckedAt >= settings.keyCheckInterval().toMillis()) checkKey(tableId, entry, ring);
        if (now - entry.keysLoadedAt >= settings.dataKeyCacheTime().toMillis()) {
            entry.keys.clear();
            entry.keysLoadedAt = now;
        }
        SecretKey key = entry.keys.get(version);
        if (key != null) return key;
        byte[] wrapped = storage.get(KEYSPACE, partition(tableId), version(version));
        if (wrapped == null) throw DynamoException.internal("The encryption key version " + version + " of this table is missing", null);
        try {
            byte[] plain = keyManagers.require().decryptDataKey(wrapped, context(tableId, version));
            key = new SecretKeySpec(plain, "AES");
            Arrays.fill(plain, (byte) 0);
        } catch (KeyManagerException e) {
            throw KmsErrors.of(e);
        }
        entry.keys.put(version, key);
        return key;
    }

    private void checkKey(String tableId, Entry entry, KeyRing ring) {
        KeyManager keyManager = keyManagers.require();
        KeyManagerException refusal;
        try {
            KeyReference reference = keyManager.resolve(ring.masterKeyArn());
            refusal = reference.enabled() ? null
                    : "Disabled".equals(reference.state()) ? new KeyManagerException("DisabledException", reference.arn() + " is disabled.")
                    : new KeyManagerException("KMSInvalidStateException", reference.arn() + " is pending deletion.");
        } catch (KeyManagerException e) {
            refusal = e;
        }
        if (refusal == null) {
            entry.keyCheckedAt = clock.millis();
            if (ring.inaccessibleSinceMillis() != 0) record(tableId, 0);
            return;
        }
        entry.keys.clear();
        entry.keyCheckedAt = 0;
        if (ring.inaccessibleSinceMillis() == 0) record(tableId, clock.millis());
        throw KmsErrors.of(refusal);
    }

    /** Records when the master key was found unusable (0: usable again), unless another node did. */
    private void record(String tableId, long inaccessibleSince) {
        try (StorageTransaction tx = storage.begin()) {
            byte[] stored = tx.getForUpdate(KEYSPACE, partition(tableId), RING);
            if (stored == null) return;
            KeyRing ring = KeyRing.decode(stored);
            if ((ring.inaccessibleSinceMillis() == 0) == (inaccessibleSince == 0)) return;
            tx.put(KEYSPACE, partition(tableId), RING, ring.withInaccessibleSince(inaccessibleSince).encode());
            tx.commit();
        } catch (RuntimeException e) {
            // best effort: the state is recorded again on the next check
        }
        Entry entry = cache.get(tableId);
        if (entry != null) entry.ringLoadedAt = 0;
    }

    private Entry entry(String tableId) {
        Entry entry = cache.computeIfAbsent(tableId, id -> new Entry());
        long now = clock.millis();
        if (entry.ringLoadedAt == 0 || now - entry.ringLoadedAt >= settings.keyCheckInterval().toMillis()) {
            byte[] stored = storage.get(KEYSPACE, partition(tableId), RING);
            KeyRing loaded = stored == null ? null : KeyRing.decode(stored);
            KeyRing before = entry.ring;
            if (before != null && (loaded == null || !before.masterKeyArn().equals(loaded.masterKeyArn()))) entry.keys.clear();
            entry.ring = loaded;
            entry.ringLoadedAt = now;
        }
        return entry;
    }

    static Map<String, String> context(String tableId, int version) {
        return Map.of("aws:dynamodb:tableId", tableId, "modyn:dataKeyVersion", Integer.toString(version));
    }

    private static byte[] partition(String tableId) {
        return tableId.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] version(int version) {
        return ByteBuffer.allocate(4).putInt(version).array();
    }
}
