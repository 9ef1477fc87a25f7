package io.modyn.engine.throttle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many requests this node refused, per table (and global index) and kind, named as
 * DynamoDB's CloudWatch metrics ReadThrottleEvents and WriteThrottleEvents. Counting is a
 * {@link LongAdder} increment, so throttled requests do not contend; the metrics bundle reads
 * {@link #snapshot} when it is scraped.
 */
public final class ThrottleCounts {

    /** The counts of one table or one of its global indexes (indexName null: the table itself). */
    public record Count(String tableName, String indexName, long readThrottleEvents, long writeThrottleEvents) {
    }

    private record Resource(String tableName, String indexName) {
    }

    private final ConcurrentHashMap<Resource, LongAdder[]> counts = new ConcurrentHashMap<>();

    void record(String tableName, String indexName, boolean write) {
        counts.computeIfAbsent(new Resource(tableName, indexName), r -> new LongAdder[] {new LongAdder(), new LongAdder()})[write ? 1 : 0]
                .increment();
    }

    /** Every table and index throttled since the engine started, with its counts now. */
    public List<Count> snapshot() {
        List<Count> snapshot = new ArrayList<>(counts.size());
        counts.forEach((resource, adders) -> snapshot.add(new Count(resource.tableName(), resource.indexName(), adders[0].sum(), adders[1].sum())));
        return snapshot;
    }

    /** The refusals of one table's own capacity (reads, then writes), for tests and logs. */
    public long throttled(String tableName, boolean write) {
        LongAdder[] adders = counts.get(new Resource(tableName, null));
        return adders == null ? 0 : adders[write ? 1 : 0].sum();
    }
}
