package io.modyn.engine.catalog;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.SecondaryIndex;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.RecordChangedException;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageConflictException;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageRecord;
import io.modyn.api.storage.StorageTransaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Table definitions, kept in the storage keyspace {@value #KEYSPACE} (one record per table name)
 * so that they live and die with the data, on every backend.
 *
 * <p>Definitions are cached for {@link #CACHE_NANOS} at most: long enough to take the catalog read
 * off the hot path, short enough that a table created or deleted through another node sharing the
 * same database becomes visible within a second. Changes through this node update the cache at
 * once.
 *
 * <p>A write computed from a cached definition is fenced ({@link #fence}): it commits only if that
 * definition is still the stored one, so no write can commit from a definition that lacks an index
 * created meanwhile (the argument is in {@link io.modyn.engine.index.IndexBackfiller}). A request
 * that would be refused because of what the cached definition says can read it afresh
 * ({@link #reload}) first.
 */
public final class TableCatalog {

    public static final String KEYSPACE = "modyn.tables";

    private static final long CACHE_NANOS = 1_000_000_000L;
    private static final byte[] NO_SORT = new byte[0];

    private final StorageEngine storage;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    /** A definition with the exact bytes it is stored as, which fenced writes require unchanged. */
    private record Cached(TableDefinition definition, byte[] stored, long loadedAt) {
    }

    public TableCatalog(StorageEngine storage) {
        this.storage = storage;
        storage.createKeyspace(KEYSPACE);
    }

    /** The storage keyspace that holds a table's items. */
    public static String dataKeyspace(TableDefinition table) {
        return "table." + table.tableId();
    }

    /** The storage keyspace that holds a secondary index's entries. */
    public static String indexKeyspace(SecondaryIndex index) {
        return "index." + index.indexId();
    }

    /** The table's keyspaces: its items and each secondary index's entries. */
    public static List<String> keyspaces(TableDefinition table) {
        List<String> keyspaces = new ArrayList<>();
        keyspaces.add(dataKeyspace(table));
        table.globalSecondaryIndexes().forEach(index -> keyspaces.add(indexKeyspace(index)));
        table.localSecondaryIndexes().forEach(index -> keyspaces.add(indexKeyspace(index)));
        return keyspaces;
    }

    /** The table's definition, or null if there is no such table. */
    public TableDefinition find(String tableName) {
        Cached cached = cache.get(tableName);
        if (cached != null && System.nanoTime() - cached.loadedAt < CACHE_NANOS) return cached.definition;
        return reload(tableName);
    }

    /**
     * The table's definition as stored now, bypassing (and refreshing) the cache; null if there is
     * no such table. For a request about to be refused because of what a cached definition says
     * (an index it lacks, or has still backfilling), which another node may have changed.
     */
    public TableDefinition reload(String tableName) {
        Cached loaded = load(tableName);
        return loaded == null ? null : loaded.definition;
    }

    private Cached load(String tableName) {
        byte[] stored = storage.get(KEYSPACE, name(tableName), NO_SORT);
        if (stored == null) {
            cache.remove(tableName);
            return null;
        }
        Cached loaded = new Cached(TableDefinitionCodec.decode(stored), stored, System.nanoTime());
        cache.put(tableName, loaded);
        return loaded;
    }

    /**
     * Makes the item writes of {@code tx} to this table conditional on {@code table}, the
     * definition they were computed from, still being the stored one when they commit (see
     * {@link StorageTransaction#requireUnchanged}: checked under a shared lock on the definition's
     * record, which every definition change locks exclusively). A stale definition fails the
     * commit with {@link RecordChangedException}, after which the engine reads definitions afresh
     * and runs the request again. Writers of one table do not wait for each other on this.
     *
     * @throws RecordChangedException at once if the definition is known to be stale already
     */
    public void fence(StorageTransaction tx, TableDefinition table) {
        Cached cached = cache.get(table.tableName());
        if (cached == null || (cached.definition != table && !cached.definition.equals(table))) {
            cached = load(table.tableName());
            if (cached == null || !cached.definition.equals(table)) {
                throw new RecordChangedException("the definition of table " + table.tableName() + " changed while a write used it");
            }
        }
        tx.requireUnchanged(KEYSPACE, name(table.tableName()), NO_SORT, cached.stored);
    }

    /** The table's definition for an item operation; DynamoDB's message names no table there. */
    public TableDefinition require(String tableName) {
        TableDefinition definition = find(tableName);
        if (definition == null) throw DynamoException.resourceNotFound("Requested resource not found");
        return definition;
    }

    /** The table's definition for a control-plane operation, whose message names the table. */
    public TableDefinition requireForControl(String tableName) {
        TableDefinition definition = find(tableName);
        if (definition == null) throw DynamoException.resourceNotFound("Requested resource not found: Table: " + tableName + " not found");
        return definition;
    }

    /**
     * Forgets every cached definition: called when storage reports a table's keyspace gone, which
     * happens when the table was deleted (and perhaps created again) through another node.
     */
    public void invalidateAll() {
        cache.clear();
    }

    /** All table names in ascending order (String order, as ListTables returns them). */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        try (RecordCursor cursor = storage.scan(KEYSPACE, 0, 1, null)) {
            while (cursor.hasNext()) {
                StorageRecord record = cursor.next();
                names.add(new String(record.partition(), StandardCharsets.UTF_8));
            }
        }
        names.sort(null);
        return names;
    }

    /** Creates the table's keyspace and records its definition; fails if the name is taken. */
    public void create(TableDefinition table) {
        byte[] encoded = TableDefinitionCodec.encode(table);
        keyspaces(table).forEach(storage::createKeyspace);
        try (StorageTransaction tx = storage.begin()) {
            if (tx.getForUpdate(KEYSPACE, name(table.tableName()), NO_SORT) != null) {
                throw DynamoException.resourceInUse("Table already exists: " + table.tableName());
            }
            tx.put(KEYSPACE, name(table.tableName()), NO_SORT, encoded);
            tx.commit();
        } catch (DynamoException e) {
            // The name was taken: drop the keyspaces made for this attempt; they have fresh ids.
            keyspaces(table).forEach(storage::dropKeyspace);
            throw e;
        }
        cache.put(table.tableName(), new Cached(table, encoded, System.nanoTime()));
    }

    /**
     * Replaces the definition of an existing table, provided it is still {@code base}, the
     * definition the change was computed from. A definition changed meanwhile (by a concurrent
     * UpdateTable or UpdateTimeToLive, possibly on another node, or one this node's cache held
     * stale) refreshes the cache and fails with a conflict, which the engine answers by running
     * the operation again on the fresh definition: no change is lost.
     */
    public void update(TableDefinition base, TableDefinition updated) {
        byte[] encoded = TableDefinitionCodec.encode(updated);
        try (StorageTransaction tx = storage.begin()) {
            byte[] current = tx.getForUpdate(KEYSPACE, name(updated.tableName()), NO_SORT);
            TableDefinition stored = current == null ? null : TableDefinitionCodec.decode(current);
            if (stored == null || !stored.tableId().equals(updated.tableId())) {
                throw DynamoException.resourceNotFound("Requested resource not found: Table: " + updated.tableName() + " not found");
            }
            if (!stored.equals(base)) {
                cache.put(updated.tableName(), new Cached(stored, current, System.nanoTime()));
                throw new StorageConflictException("the definition of table " + updated.tableName() + " changed concurrently");
            }
            tx.put(KEYSPACE, name(updated.tableName()), NO_SORT, encoded);
            tx.commit();
        }
        cache.put(updated.tableName(), new Cached(updated, encoded, System.nanoTime()));
    }

    /** Removes the definition, then the data; returns the definition that was removed. */
    public TableDefinition delete(String tableName) {
        TableDefinition removed;
        try (StorageTransaction tx = storage.begin()) {
            byte[] current = tx.getForUpdate(KEYSPACE, name(tableName), NO_SORT);
            if (current == null) {
                throw DynamoException.resourceNotFound("Requested resource not found: Table: " + tableName + " not found");
            }
            removed = TableDefinitionCodec.decode(current);
            tx.delete(KEYSPACE, name(tableName), NO_SORT);
            tx.commit();
        }
        cache.remove(tableName);
        keyspaces(removed).forEach(storage::dropKeyspace);
        return removed;
    }

    private static byte[] name(String tableName) {
        return tableName.getBytes(StandardCharsets.UTF_8);
    }
}
