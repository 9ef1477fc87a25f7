package io.modyn.metrics;

import io.modyn.api.metrics.RequestMetrics;
import io.modyn.api.model.CancellationReason;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.TransactionCanceledException;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The figures DynamoDB publishes to CloudWatch (namespace AWS/DynamoDB), under the same names
 * behind a {@code dynamodb_} prefix and with CloudWatch's dimensions as labels ({@code TableName},
 * {@code Operation}, {@code GlobalSecondaryIndexName}), each on the dimensions CloudWatch gives it:
 *
 * <ul>
 *   <li>{@code SuccessfulRequestLatency} (TableName, Operation): a histogram in seconds, where
 *       CloudWatch counts milliseconds (Prometheus' base unit); its {@code _count} is CloudWatch's
 *       SampleCount;
 *   <li>{@code ConsumedReadCapacityUnits}, {@code ConsumedWriteCapacityUnits} (TableName,
 *       GlobalSecondaryIndexName): a table's own units have an empty index name; CloudWatch's
 *       per-table figure, table and global indexes together, is their sum by TableName;
 *   <li>{@code ThrottledRequests}, {@code SystemErrors}, {@code ReturnedItemCount} (TableName,
 *       Operation); {@code ReadThrottleEvents}, {@code WriteThrottleEvents} (TableName,
 *       GlobalSecondaryIndexName);
 *   <li>{@code ConditionalCheckFailedRequests}, {@code TransactionConflict},
 *       {@code TimeToLiveDeletedItemCount} (TableName);
 *   <li>{@code UserErrors}: no dimension, every HTTP 400 answer but a failed condition and a
 *       throttled request, as in CloudWatch.
 * </ul>
 *
 * A request over several tables that failed as a whole has an empty TableName.
 *
 * <p>Recording runs on the request path, so the data points of each (table, operation) are looked
 * up once and kept: a request then costs a few hash lookups on strings it already holds and the
 * Prometheus client's lock-free updates, and allocates nothing.
 */
final class DynamoDbMetrics implements RequestMetrics {

    /** Seconds; DynamoDB answers most item requests in single-digit milliseconds. */
    static final double[] LATENCY_BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private static final String TABLE = "TableName";
    private static final String OPERATION = "Operation";
    private static final String INDEX = "GlobalSecondaryIndexName";
    private static final String NONE = "";
    private static final double NANOS_PER_SECOND = 1e9;
    /** Operations whose throttling DynamoDB counts as read throttle events; the rest are writes. */
    private static final Set<String> READS = Set.of("GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems");
    /** The operations DynamoDB counts ReturnedItemCount for. */
    private static final Set<String> RETURNING_ITEMS = Set.of("Query", "Scan", "ExecuteStatement");

    private final Histogram latency;
    private final Counter consumedRead;
    private final Counter consumedWrite;
    private final Counter throttledRequests;
    private final Counter readThrottleEvents;
    private final Counter writeThrottleEvents;
    private final Counter userErrors;
    private final Counter systemErrors;
    private final Counter conditionalCheckFailed;
    private final Counter transactionConflict;
    private final Counter returnedItems;
    private final Counter timeToLiveDeleted;

    private final ConcurrentMap<String, TableSeries> tables = new ConcurrentHashMap<>();

    DynamoDbMetrics(PrometheusRegistry registry) {
        latency = Histogram.builder().name("dynamodb_SuccessfulRequestLatency").unit(Unit.SECONDS)
                .help("Successful requests: the time the server spent on each (CloudWatch: SuccessfulRequestLatency, in ms there)")
                .labelNames(TABLE, OPERATION).classicOnly().classicUpperBounds(LATENCY_BUCKETS).withoutExemplars()
                .register(registry);
        consumedRead = counter(registry, "dynamodb_ConsumedReadCapacityUnits",
                "Read capacity units consumed, whether or not the client asked for ReturnConsumedCapacity", TABLE, INDEX);
        consumedWrite = counter(registry, "dynamodb_ConsumedWriteCapacityUnits",
                "Write capacity units consumed, whether or not the client asked for ReturnConsumedCapacity", TABLE, INDEX);
        throttledRequests = counter(registry, "dynamodb_ThrottledRequests",
                "Requests refused with ProvisionedThroughputExceededException or ThrottlingException", TABLE, OPERATION);
        readThrottleEvents = counter(registry, "dynamodb_ReadThrottleEvents", "Throttled read requests", TABLE, INDEX);
        writeThrottleEvents = counter(registry, "dynamodb_WriteThrottleEvents", "Throttled write requests", TABLE, INDEX);
        userErrors = counter(registry, "dynamodb_UserErrors",
                "Requests answered with an HTTP 400 error, except failed conditions and throttled requests");
        systemErrors = counter(registry, "dynamodb_SystemErrors", "Requests answered with an HTTP 5xx error", TABLE, OPERATION);
        conditionalCheckFailed = counter(registry, "dynamodb_ConditionalCheckFailedRequests",
                "Conditional writes whose condition was false (ConditionalCheckFailedException)", TABLE);
        transactionConflict = counter(registry, "dynamodb_TransactionConflict",
                "Item-level requests rejected for a conflict with a concurrent transaction on the same item", TABLE);
        returnedItems = counter(registry, "dynamodb_ReturnedItemCount",
                "Items returned by Query, Scan and ExecuteStatement (SELECT)", TABLE, OPERATION);
        timeToLiveDeleted = counter(registry, "dynamodb_TimeToLiveDeletedItemCount", "Items deleted by Time to Live", TABLE);
    }

    private static Counter counter(PrometheusRegistry registry, String name, String help, String... labels) {
        return Counter.builder().name(name).help(help).labelNames(labels).withoutExemplars().register(registry);
    }

    @Override
    public void succeeded(String operation, String tableName, long latencyNanos) {
        table(tableName).operation(operation).latency.observe(latencyNanos / NANOS_PER_SECOND);
    }

    @Override
    public void failed(String operation, String tableName, DynamoException error) {
        ErrorType type = error.type();
        switch (type) {
            case CONDITIONAL_CHECK_FAILED -> table(tableName).conditionalCheckFailed.inc();
            case PROVISIONED_THROUGHPUT_EXCEEDED, THROTTLING -> {
                TableSeries table = table(tableName);
                table.operation(operation).throttled.inc();
                (READS.contains(operation) ? table.readThrottleEvents : table.writeThrottleEvents).inc();
            }
            default -> {
                if (type.httpStatus() >= 500) {
                    table(tableName).operation(operation).systemErrors.inc();
                } else {
                    userErrors.inc();
                    long conflicts = conflicts(error);
                    if (conflicts > 0) table(tableName).transactionConflict.inc(conflicts);
                }
            }
        }
    }

    /** Items of the request that met a conflicting transaction: one for TransactionConflictException, else its cancellation reasons. */
    private static long conflicts(DynamoException error) {
        if (error.type() == ErrorType.TRANSACTION_CONFLICT) return 1;
        if (!(error instanceof TransactionCanceledException canceled)) return 0;
        long count = 0;
        for (CancellationReason reason : canceled.reasons()) {
            if ("TransactionConflict".equals(reason.code())) count++;
        }
        return count;
    }

    @Override
    public void itemsReturned(String operation, String tableName, int count) {
        CounterDataPoint returned = table(tableName).operation(operation).returnedItems;
        if (returned != null) returned.inc(count);
    }

    @Override
    public void capacityConsumed(String tableName, String globalSecondaryIndexName, double readUnits, double writeUnits) {
        TableSeries table = table(tableName);
        CapacitySeries capacity = globalSecondaryIndexName == null ? table.capacity : table.index(globalSecondaryIndexName);
        if (readUnits > 0) capacity.read.inc(readUnits);
        if (writeUnits > 0) capacity.write.inc(writeUnits);
    }

    @Override
    public void timeToLiveDeleted(String tableName) {
        table(tableName).timeToLiveDeleted.inc();
    }

    private TableSeries table(String tableName) {
        String name = tableName == null ? NONE : tableName;
        TableSeries series = tables.get(name);
        return series != null ? series : tables.computeIfAbsent(name, TableSeries::new);
    }

    /** The data points of one table, made on its first request. */
    private final class TableSeries {

        final String name;
        final CapacitySeries capacity;
        final CounterDataPoint readThrottleEvents;
        final CounterDataPoint writeThrottleEvents;
        final CounterDataPoint conditionalCheckFailed;
        final CounterDataPoint transactionConflict;
        final CounterDataPoint timeToLiveDeleted;
        final ConcurrentMap<String, OperationSeries> operations = new ConcurrentHashMap<>();
        final ConcurrentMap<String, CapacitySeries> indexes = new ConcurrentHashMap<>();

        TableSeries(String name) {
            this.name = name;
            capacity = new CapacitySeries(name, NONE);
            readThrottleEvents = DynamoDbMetrics.this.readThrottleEvents.labelValues(name, NONE);
            writeThrottleEvents = DynamoDbMetrics.this.writeThrottleEvents.labelValues(name, NONE);
            conditionalCheckFailed = DynamoDbMetrics.this.conditionalCheckFailed.labelValues(name);
            transactionConflict = DynamoDbMetrics.this.transactionConflict.labelValues(name);
            timeToLiveDeleted = DynamoDbMetrics.this.timeToLiveDeleted.labelValues(name);
        }

        OperationSeries operation(String operation) {
            OperationSeries series = operations.get(operation);
            return series != null ? series : operations.computeIfAbsent(operation, op -> new OperationSeries(name, op));
        }

        CapacitySeries index(String index) {
            CapacitySeries series = indexes.get(index);
            return series != null ? series : indexes.computeIfAbsent(index, i -> new CapacitySeries(name, i));
        }
    }

    /** The data points of one operation on one table. */
    private final class OperationSeries {

        final DistributionDataPoint latency;
        final CounterDataPoint throttled;
        final CounterDataPoint systemErrors;
        /** Null for operations DynamoDB does not count returned items for. */
        final CounterDataPoint returnedItems;

        OperationSeries(String table, String operation) {
            latency = DynamoDbMetrics.this.latency.labelValues(table, operation);
            throttled = DynamoDbMetrics.this.throttledRequests.labelValues(table, operation);
            systemErrors = DynamoDbMetrics.this.systemErrors.labelValues(table, operation);
            returnedItems = RETURNING_ITEMS.contains(operation) ? DynamoDbMetrics.this.returnedItems.labelValues(table, operation) : null;
        }
    }

    /** Capacity consumed on a table (index name empty) or one of its global secondary indexes. */
    private final class CapacitySeries {

        final CounterDataPoint read;
        final CounterDataPoint write;

        CapacitySeries(String table, String index) {
            read = consumedRead.labelValues(table, index);
            write = consumedWrite.labelValues(table, index);
        }
    }
}
