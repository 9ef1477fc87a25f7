package io.modyn.engine.encryption;

import io.modyn.api.model.DynamoException;
import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.KeyspaceStatistics;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageKey;
import io.modyn.api.storage.StorageRecord;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.engine.catalog.TableCatalog;
import java.security.GeneralSecurityException;

/**
 * The storage the engine sees: a backend whose record values in table keyspaces (items, index
 * entries, item collection sizes, stream records) are sealed with {@link ItemCipher} under the
 * table's data keys on the way in and opened on the way out. Keys stay in clear, since storage
 * orders by them. Both backends get encryption without knowing of it, and every engine path
 * (writes, transactions, TTL, index backfill, streams) passes through here.
 *
 * <p>Values of a table with no keys (owned key without {@code --encrypt-all}) pass unchanged;
 * unsealed values of a table that has keys (written before it was encrypted) are read as they are.
 * A sealed value that fails to open (altered, or moved from another record) fails that read with an
 * internal error naming the problem; other items are unaffected.
 * {@link StorageTransaction#requireUnchanged} compares stored bytes and is meant for the system
 * keyspaces (the catalog), which are never sealed.
 */
public final class SealingStorageEngine implements StorageEngine {

    private final StorageEngine backend;
    private final TableKeys keys;
    private final KeyspaceOwners owners = new KeyspaceOwners();

    public SealingStorageEngine(StorageEngine backend, TableKeys keys) {
        this.backend = backend;
        this.keys = keys;
    }

    /** Lets index keyspaces be traced to their table through the catalog. */
    public void catalog(TableCatalog catalog) {
        owners.catalog(catalog);
    }

    public TableKeys keys() {
        return keys;
    }

    public StorageEngine backend() {
        return backend;
    }

    @Override
    public String name() {
        return backend.name();
    }

    @Override
    public void createKeyspace(String keyspace) {
        backend.createKeyspace(keyspace);
    }

    @Override
    public void dropKeyspace(String keyspace) {
        backend.dropKeyspace(keyspace);
    }

    @Override
    public boolean keyspaceExists(String keyspace) {
        return backend.keyspaceExists(keyspace);
    }

    @Override
    public byte[] get(String keyspace, byte[] partition, byte[] sort) {
        return open(keyspace, partition, sort, backend.get(keyspace, partition, sort));
    }

    @Override
    public RecordCursor query(String keyspace, byte[] partition, KeyRange sortRange, boolean descending) {
        return opening(keyspace, backend.query(keyspace, partition, sortRange, descending));
    }

    @Override
    public RecordCursor scan(String keyspace, int segment, int totalSegments, StorageKey exclusiveStart) {
        return opening(keyspace, backend.scan(keyspace, segment, totalSegments, exclusiveStart));
    }

    @Override
    public KeyspaceStatistics statistics(String keyspace) {
        return backend.statistics(keyspace);
    }

    /** Copies the stored bytes as they are: a copy's values stay sealed for the keyspace they were copied from. */
    @Override
    public void copyKeyspaces(java.util.Map<String, String> sourceToTarget) {
        backend.copyKeyspaces(sourceToTarget);
    }

    @Override
    public StorageTransaction begin() {
        StorageTransaction tx = backend.begin();
        return new StorageTransaction() {
            @Override
            public byte[] getForUpdate(String keyspace, byte[] partition, byte[] sort) {
                return open(keyspace, partition, sort, tx.getForUpdate(keyspace, partition, sort));
            }

            @Override
            public void put(String keyspace, byte[] partition, byte[] sort, byte[] value) {
                tx.put(keyspace, partition, sort, seal(keyspace, partition, sort, value));
            }

            @Override
            public void delete(String keyspace, byte[] partition, byte[] sort) {
                tx.delete(keyspace, partition, sort);
            }

            @Override
            public void requireUnchanged(String keyspace, byte[] partition, byte[] sort, byte[] expected) {
                tx.requireUnchanged(keyspace, partition, sort, expected);
            }

            @Override
            public void commit() {
                tx.commit();
            }

            @Override
            public void close() {
                tx.close();
            }
        };
    }

    /**
     * The value as it would be stored at that key of that keyspace (sealed if its table has keys),
     * for copies kept elsewhere that are opened as if they were read from there (change history).
     */
    public byte[] sealAs(String keyspace, byte[] partition, byte[] sort, byte[] value) {
        return seal(keyspace, partition, sort, value);
    }

    private byte[] seal(String keyspace, byte[] partition, byte[] sort, byte[] value) {
        String tableId = owners.tableId(keyspace);
        if (tableId == null) return value;
        TableKeys.WriteKey key = keys.writeKey(tableId);
        if (key == null) return value;
        return ItemCipher.seal(key.key(), key.version(), tableId, keyspace, partition, sort, value);
    }

    private byte[] open(String keyspace, byte[] partition, byte[] sort, byte[] stored) {
        if (!ItemCipher.isSealed(stored)) return stored;
        String tableId = owners.tableId(keyspace);
        if (tableId == null) return stored;
        try {
            return ItemCipher.open(keys.readKey(tableId, ItemCipher.version(stored)), tableId, keyspace, partition, sort, stored);
        } catch (GeneralSecurityException e) {
            throw DynamoException.internal("A stored item of this table could not be decrypted: its ciphertext was altered, "
                    + "or was moved from another item or table", null);
        }
    }

    private RecordCursor opening(String keyspace, RecordCursor cursor) {
        return new RecordCursor() {
            @Override
            public boolean hasNext() {
                return cursor.hasNext();
            }

            @Override
            public StorageRecord next() {
                StorageRecord record = cursor.next();
                return new StorageRecord(record.partition(), record.sort(), open(keyspace, record.partition(), record.sort(), record.value()));
            }

            @Override
            public void close() {
                cursor.close();
            }
        };
    }
}
