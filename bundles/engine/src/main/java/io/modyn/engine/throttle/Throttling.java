package io.modyn.engine.throttle;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.TableDefinition;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * DynamoDB's throttling of provisioned tables: each PROVISIONED table and each of its global
 * secondary indexes has a read and a write {@link TokenBucket} at its provisioned rate with 300
 * seconds of burst. A request is refused with ProvisionedThroughputExceededException when the
 * bucket it draws on is empty; what it consumed is charged after it ran. A write is also refused
 * while any global index of its table is out of write capacity, since every write may have to
 * update it: the index's throttling back-pressures the table, as DynamoDB's does.
 *
 * <p>Buckets live in this node's memory, keyed by table id (a table created again under the same
 * name starts afresh). Several nodes over one PostgreSQL database each meter their own share, so a
 * cluster of n nodes admits up to n times the provisioned rate, like a DynamoDB table spread over
 * n partitions each at full rate.
 */
public final class Throttling {

    static final String TABLE_EXCEEDED = "The level of configured provisioned throughput for the table was exceeded. "
            + "Consider increasing your provisioning level with the UpdateTable API";
    static final String INDEX_EXCEEDED = "The level of configured provisioned throughput for one or more global secondary indexes "
            + "of the table was exceeded. Consider increasing your provisioning level for the under-provisioned global secondary "
            + "indexes with the UpdateTable API";

    /** No throttling (--no-throttling): every request is admitted and nothing is metered. */
    public static final Throttling DISABLED = new Throttling(false, System::nanoTime);

    private final boolean enabled;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, TableThrottle> tables = new ConcurrentHashMap<>();
    private final ThrottleCounts counts = new ThrottleCounts();

    public Throttling(boolean enabled, LongSupplier nanoClock) {
        this.enabled = enabled;
        this.nanoClock = nanoClock;
    }

    public static Throttling enabled() {
        return new Throttling(true, System::nanoTime);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public ThrottleCounts counts() {
        return counts;
    }

    /** The table's buckets, or null when it is not throttled (on-demand, or throttling is off). */
    TableThrottle of(TableDefinition table) {
        if (!enabled || !TableThrottle.provisioned(table)) return null;
        long now = nanoClock.getAsLong();
        TableThrottle current = tables.get(table.tableId());
        if (current == null) return tables.computeIfAbsent(table.tableId(), id -> TableThrottle.of(table, now));
        TableThrottle updated = current.updatedFor(table, now);
        if (updated != current) tables.replace(table.tableId(), current, updated);
        return updated;
    }

    /** Refuses the request up front when the table's (for writes: or a global index's) capacity is exhausted. */
    void admit(TableThrottle table, boolean write) {
        long now = nanoClock.getAsLong();
        if (!table.table(write).admits(now)) throw refused(table.tableName(), null, write, TABLE_EXCEEDED);
        if (!write) return;
        for (CapacityPair index : table.globalIndexes()) {
            if (!index.writes().admits(now)) throw refused(table.tableName(), null, true, INDEX_EXCEEDED);
        }
    }

    /** Refuses a Query or Scan of a global index whose read capacity is exhausted. */
    void admitIndexRead(TableThrottle table, String indexName) {
        TokenBucket bucket = table.globalIndex(indexName, false);
        if (bucket != null && !bucket.admits(nanoClock.getAsLong())) throw refused(table.tableName(), indexName, false, TABLE_EXCEEDED);
    }

    /** Charges units consumed from the table, or from a global index (LSIs draw on the table). */
    void charge(TableThrottle table, String indexName, boolean write, double units) {
        if (units <= 0) return;
        TokenBucket bucket = indexName == null ? null : table.globalIndex(indexName, write);
        (bucket == null ? table.table(write) : bucket).take(units, nanoClock.getAsLong());
    }

    private DynamoException refused(String tableName, String indexName, boolean write, String message) {
        counts.record(tableName, indexName, write);
        return new DynamoException(ErrorType.PROVISIONED_THROUGHPUT_EXCEEDED, message);
    }
}
