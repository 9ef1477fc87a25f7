package io.modyn.engine.ttl;

import io.modyn.api.metrics.RequestMetrics;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.model.TimeToLiveDescription;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageConflictException;
import io.modyn.api.storage.StorageRecord;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.catalog.TableCatalog;
import io.modyn.engine.item.ItemCodec;
import io.modyn.engine.metrics.MetricsBinding;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * One walk over one table: scans its items in storage order and deletes, at the pacer's rate,
 * those whose TTL attribute says they have expired. It stops early when the table's TTL setting
 * changes under it (disabled, another attribute, the table deleted or replaced).
 */
final class ExpiryPass {

    private static final Logger LOG = Logger.getLogger(ExpiryPass.class.getName());

    private final ExpiredItemDeletion deletion;
    private final DeletePacer pacer;
    private final Clock clock;
    private final MetricsBinding metrics;

    ExpiryPass(ExpiredItemDeletion deletion, DeletePacer pacer, Clock clock, MetricsBinding metrics) {
        this.deletion = deletion;
        this.pacer = pacer;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** @return the number of items deleted */
    int expire(StorageBinding.Bound bound, TableDefinition table) throws InterruptedException {
        String attribute = ttlAttribute(table);
        if (attribute == null) return 0;
        int deleted = 0;
        try (RecordCursor cursor = bound.storage().scan(TableCatalog.dataKeyspace(table), 0, 1, null)) {
            while (cursor.hasNext()) {
                if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
                StorageRecord record = cursor.next();
                if (!Expiration.isExpired(ItemCodec.decode(record.value()), attribute, now())) continue;
                pacer.awaitTurn();
                if (!sameSetting(bound.catalog().find(table.tableName()), table, attribute)) break;
                try {
                    if (deletion.deleteIfStillExpired(bound, table, attribute, record, now())) {
                        deleted++;
                        RequestMetrics current = metrics.current();
                        if (current != null) current.timeToLiveDeleted(table.tableName());
                    }
                } catch (StorageConflictException e) {
                    // A client holds the item's lock: leave it to the next pass.
                    LOG.fine(() -> "Skipped an expired item of " + table.tableName() + " that was locked: " + e.getMessage());
                }
            }
        }
        return deleted;
    }

    /** The attribute whose time expires items, or null while TTL is off. */
    static String ttlAttribute(TableDefinition table) {
        TimeToLiveDescription ttl = table.timeToLive();
        return TimeToLiveDescription.ENABLED.equals(ttl.timeToLiveStatus()) ? ttl.attributeName() : null;
    }

    private static boolean sameSetting(TableDefinition current, TableDefinition scanned, String attribute) {
        return current != null && current.tableId().equals(scanned.tableId()) && Objects.equals(ttlAttribute(current), attribute);
    }

    private BigDecimal now() {
        return BigDecimal.valueOf(clock.millis()).movePointLeft(3);
    }
}
