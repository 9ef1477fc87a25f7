package io.modyn.engine.index;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.SecondaryIndex;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageConflictException;
import io.modyn.api.storage.StorageKey;
import io.modyn.api.storage.StorageRecord;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.catalog.TableCatalog;
import io.modyn.engine.item.ItemCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fills a global secondary index that UpdateTable added to a table with items, then marks it
 * ACTIVE (DynamoDB's "backfilling" phase, during which the index is CREATING and cannot be read).
 *
 * <p>Correct alongside concurrent writes: writes that know the index maintain it themselves
 * ({@link IndexMaintainer}); the backfill waits out {@link #GRACE} first, longer than the table
 * catalog caches definitions, so that every node (and every request in flight) writes with the
 * new definition before it starts. It then reads the table in key order, a batch at a time, and
 * writes each item's entry in a storage transaction that holds the item's lock, so an entry is
 * never written from an item that a concurrent write has already replaced. Writing an entry that
 * a write has already written is harmless: both hold the same item.
 *
 * <p>One worker thread per server, started on demand and gone when idle. A backfill cut short (by
 * a restart, or storage going away) is resumed by the next DescribeTable (what clients waiting
 * for the index poll) on any node; since it is idempotent, two nodes doing it at once only waste
 * work.
 */
public final class IndexBackfiller {

    /** How long definitions may be stale: TableCatalog's cache window, with a safety margin. */
    static final Duration GRACE = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(IndexBackfiller.class.getName());
    private static final int BATCH = 25;
    private static final int MAX_CONFLICT_ATTEMPTS = 20;
    private static final IndexBackfiller SHARED = new IndexBackfiller();

    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker;

    private IndexBackfiller() {
        this.worker = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "modyn-index-backfill");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The server's backfiller: backfills are coordinated per server, whichever operation starts them. */
    public static IndexBackfiller shared() {
        return SHARED;
    }

    /** Starts filling each of the table's global indexes that awaits it and is not being filled here already. */
    public void resume(StorageBinding.Bound bound, TableDefinition table) {
        for (SecondaryIndex index : table.globalSecondaryIndexes()) {
            if (index.backfilling() && running.add(index.indexId())) {
                worker.execute(() -> run(bound, table.tableName(), table.tableId(), index.indexId()));
            }
        }
    }

    private void run(StorageBinding.Bound bound, String tableName, String tableId, String indexId) {
        try {
            Thread.sleep(GRACE.toMillis());
            fillAll(bound, tableName, tableId, indexId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Backfill of an index of table " + tableName + " stopped; DescribeTable resumes it", e);
        } finally {
            running.remove(indexId);
        }
    }

    private void fillAll(StorageBinding.Bound bound, String tableName, String tableId, String indexId) throws InterruptedException {
        StorageKey after = null;
        while (true) {
            TableIndex index = awaitingBackfill(bound, tableName, tableId, indexId);
            if (index == null) return; // the table or the index is gone, or another node finished it
            List<StorageKey> keys = new ArrayList<>(BATCH);
            try (RecordCursor cursor = bound.storage().scan(TableCatalog.dataKeyspace(index.table()), 0, 1, after)) {
                while (keys.size() < BATCH && cursor.hasNext()) {
                    StorageRecord record = cursor.next();
                    keys.add(new StorageKey(record.partition(), record.sort()));
                }
            }
            if (keys.isEmpty()) break;
            fill(bound, index, keys);
            after = keys.get(keys.size() - 1);
        }
        try {
            activate(bound, tableName, tableId, indexId);
        } catch (StorageConflictException changedMeanwhile) {
            activate(bound, tableName, tableId, indexId); // the catalog has just been re-read
        }
    }

    /** Writes the entries of the items at these keys, as they are under their locks. */
    private static void fill(StorageBinding.Bound bound, TableIndex index, List<StorageKey> keys) throws InterruptedException {
        String dataKeyspace = TableCatalog.dataKeyspace(index.table());
        for (int attempt = 1; ; attempt++) {
            try (StorageTransaction tx = bound.storage().begin()) {
                for (StorageKey key : keys) {
                    byte[] stored = tx.getForUpdate(dataKeyspace, key.partition(), key.sort());
                    if (stored == null) continue;
                    Map<String, AttributeValue> item = ItemCodec.decode(stored);
                    StorageKey entry = IndexEntryKeys.of(index, item);
                    if (entry != null) tx.put(index.keyspace(), entry.partition(), entry.sort(), ItemCodec.encode(index.project(item)));
                }
                tx.commit();
                return;
            } catch (StorageConflictException e) {
                if (attempt >= MAX_CONFLICT_ATTEMPTS) throw e;
                Thread.sleep(Math.min(1000, 10L * attempt));
            }
        }
    }

    private static TableIndex awaitingBackfill(StorageBinding.Bound bound, String tableName, String tableId, String indexId) {
        TableDefinition table = bound.catalog().find(tableName);
        if (table == null || !table.tableId().equals(tableId)) return null;
        for (SecondaryIndex index : table.globalSecondaryIndexes()) {
            if (index.indexId().equals(indexId)) return index.backfilling() ? new TableIndex(table, index, true) : null;
        }
        return null;
    }

    private static void activate(StorageBinding.Bound bound, String tableName, String tableId, String indexId) {
        TableIndex filled = awaitingBackfill(bound, tableName, tableId, indexId);
        if (filled == null) return;
        TableDefinition table = filled.table();
        List<SecondaryIndex> globals = new ArrayList<>();
        for (SecondaryIndex index : table.globalSecondaryIndexes()) globals.add(index.indexId().equals(indexId) ? filled.activated() : index);
        bound.catalog().update(table, table.toBuilder().globalSecondaryIndexes(globals).build());
        LOG.info("Index " + filled.name() + " of table " + tableName + " is backfilled and ACTIVE");
    }
}
