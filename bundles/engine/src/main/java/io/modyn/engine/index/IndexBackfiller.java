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
 * <p>It reads the table in key order, a batch at a time, and writes each item's entry in a
 * storage transaction that holds the item's lock and reads the item under it, so an entry is
 * never written from an item that a concurrent write has already replaced. Writing an entry that
 * a write has already written is harmless: both hold the same item.
 *
 * <p><b>Why no write can leave an item out of the index</b>, on any number of nodes, whatever
 * their caches and however long a write waits for a lock. Let D be the stored definition that
 * adds the index; UpdateTable commits it at instant c, holding the exclusive lock on the table's
 * catalog record, and the backfill starts only after c (on this node once the update has
 * returned; on another node once it has read D from storage). Take any write W that commits an
 * item.
 * <ol>
 * <li>If W was computed from D or a later definition, W maintains the index itself, in its own
 * transaction ({@link IndexMaintainer}), from the item it holds locked.
 * <li>Otherwise W was computed from an older definition, and W is fenced
 * ({@link io.modyn.engine.catalog.TableCatalog#fence}): its commit requires the catalog record to
 * still hold that older definition, checked under a shared lock on the record that W keeps
 * until its writes are visible. UpdateTable's exclusive lock excludes that shared lock, so
 * either W checked after c, saw D, and applied nothing (the engine then runs the request again
 * with D: case 1); or W's writes were visible before c, hence before the backfill began. Then
 * the backfill's scan, which starts after c, finds the item (or finds it deleted, or replaced
 * by a write of case 1), and writes its entry from the item as it is under the item's lock.
 * </ol>
 * So every item committed before the backfill's scan passes it is filled by the backfill, and
 * every later write keeps the index itself. No grace period or cache lifetime enters this; the
 * same holds for the file store (shared holds in its lock table) and PostgreSQL
 * ({@code pg_advisory_xact_lock_shared} against the catalog update's {@code pg_advisory_xact_lock},
 * the check in a statement whose READ COMMITTED snapshot is taken after the lock is granted).
 * A node whose cache is stale only sees its writes retried once with the fresh definition.
 *
 * <p>One worker thread per server, started on demand and gone when idle. A backfill cut short (by
 * a restart, or storage going away) is resumed by the next DescribeTable (what clients waiting
 * for the index poll) on any node; since it is idempotent, two nodes doing it at once only waste
 * work.
 */
public final class IndexBackfiller {

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
