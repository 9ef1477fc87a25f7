package io.modyn.engine.throttle;

import io.modyn.api.model.BillingModeSummary;
import io.modyn.api.model.ProvisionedThroughputDescription;
import io.modyn.api.model.SecondaryIndex;
import io.modyn.api.model.TableDefinition;
import java.util.HashMap;
import java.util.Map;

/**
 * The buckets of one provisioned table: its own read and write capacity and each global secondary
 * index's. Local secondary indexes share the table's capacity, as in DynamoDB. Immutable: when
 * UpdateTable changes the capacity, {@link #updatedFor} builds the next one with the balances carried
 * over.
 */
final class TableThrottle {

    private final String tableName;
    private final ProvisionedThroughputDescription tableThroughput;
    private final CapacityPair table;
    private final Map<String, CapacityPair> globalIndexes;

    private TableThrottle(String tableName, ProvisionedThroughputDescription tableThroughput, CapacityPair table,
            Map<String, CapacityPair> globalIndexes) {
        this.tableName = tableName;
        this.tableThroughput = tableThroughput;
        this.table = table;
        this.globalIndexes = globalIndexes;
    }

    /** Whether DynamoDB throttles this table on provisioned capacity: it is in PROVISIONED mode. */
    static boolean provisioned(TableDefinition definition) {
        BillingModeSummary billing = definition.billingModeSummary();
        boolean payPerRequest = billing != null && BillingModeSummary.PAY_PER_REQUEST.equals(billing.billingMode());
        return !payPerRequest && definition.provisionedThroughput() != null
                && definition.provisionedThroughput().readCapacityUnits() > 0;
    }

    static TableThrottle of(TableDefinition definition, long nowNanos) {
        return new TableThrottle(definition.tableName(), definition.provisionedThroughput(), pair(definition.provisionedThroughput(), null, nowNanos),
                indexes(definition, Map.of(), nowNanos));
    }

    /** This throttle, or a successor when the definition's capacities differ from the ones it was built from. */
    TableThrottle updatedFor(TableDefinition definition, long nowNanos) {
        if (definition.provisionedThroughput().equals(tableThroughput) && sameIndexes(definition)) return this;
        return new TableThrottle(definition.tableName(), definition.provisionedThroughput(),
                pair(definition.provisionedThroughput(), table, nowNanos), indexes(definition, globalIndexes, nowNanos));
    }

    String tableName() {
        return tableName;
    }

    TokenBucket table(boolean write) {
        return table.of(write);
    }

    /** The index's bucket, or null for an index without its own capacity (a local one). */
    TokenBucket globalIndex(String indexName, boolean write) {
        CapacityPair pair = globalIndexes.get(indexName);
        return pair == null ? null : pair.of(write);
    }

    Iterable<CapacityPair> globalIndexes() {
        return globalIndexes.values();
    }

    private boolean sameIndexes(TableDefinition definition) {
        int provisioned = 0;
        for (SecondaryIndex index : definition.globalSecondaryIndexes()) {
            if (!hasCapacity(index)) continue;
            provisioned++;
            CapacityPair pair = globalIndexes.get(index.indexName());
            if (pair == null || pair.reads().unitsPerSecond() != index.provisionedThroughput().readCapacityUnits()
                    || pair.writes().unitsPerSecond() != index.provisionedThroughput().writeCapacityUnits()) return false;
        }
        return provisioned == globalIndexes.size();
    }

    private static Map<String, CapacityPair> indexes(TableDefinition definition, Map<String, CapacityPair> previous, long nowNanos) {
        Map<String, CapacityPair> pairs = new HashMap<>();
        for (SecondaryIndex index : definition.globalSecondaryIndexes()) {
            if (hasCapacity(index)) pairs.put(index.indexName(), pair(index.provisionedThroughput(), previous.get(index.indexName()), nowNanos));
        }
        return Map.copyOf(pairs);
    }

    private static boolean hasCapacity(SecondaryIndex index) {
        return index.provisionedThroughput() != null && index.provisionedThroughput().readCapacityUnits() > 0;
    }

    private static CapacityPair pair(ProvisionedThroughputDescription throughput, CapacityPair previous, long nowNanos) {
        if (previous == null) return CapacityPair.of(throughput.readCapacityUnits(), throughput.writeCapacityUnits(), nowNanos);
        return previous.withRates(throughput.readCapacityUnits(), throughput.writeCapacityUnits(), nowNanos);
    }
}
