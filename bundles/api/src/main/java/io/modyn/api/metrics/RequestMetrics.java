package io.modyn.api.metrics;

import io.modyn.api.model.DynamoException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told the outcome of every DynamoDB API request the engine serves, on the thread that served it:
 * registered by a metrics bundle, called by the engine. The figures are those DynamoDB publishes to
 * CloudWatch ({@code SuccessfulRequestLatency}, {@code ConsumedReadCapacityUnits}, ...), with the
 * operation and table as their {@code Operation} and {@code TableName} dimensions.
 *
 * <p>Calls are on the request path: an implementation must be thread-safe, must not block, and
 * should not allocate per call beyond what its recording needs. A table name is null when a request
 * names no table (ListTables) or several (a BatchWriteItem over two tables failed as a whole).
 */
@ConsumerType
public interface RequestMetrics {

    /**
     * A request succeeded. Requests over several tables (batches, transactions) are reported once
     * per table they name, with the whole request's latency, as DynamoDB does.
     *
     * @param operation DynamoDB's operation name, such as {@code PutItem}
     * @param latencyNanos the time the server spent on it, from the engine's start to its answer
     */
    void succeeded(String operation, String tableName, long latencyNanos);

    /**
     * A request failed with {@code error}, the error its client was answered (its
     * {@link DynamoException#type()} tells a user error from a system error, a failed condition or
     * a throttled request; a {@link io.modyn.api.model.TransactionCanceledException} carries the
     * reasons). Reported once per request.
     */
    void failed(String operation, String tableName, DynamoException error);

    /** Items a Query, Scan or ExecuteStatement (SELECT) returned (DynamoDB's {@code ReturnedItemCount}). */
    void itemsReturned(String operation, String tableName, int count);

    /**
     * Capacity a request consumed on a table, or on one of its global secondary indexes
     * ({@code globalSecondaryIndexName} not null); local secondary indexes count as their table.
     * Reported whether or not the client asked for {@code ReturnConsumedCapacity}.
     */
    void capacityConsumed(String tableName, String globalSecondaryIndexName, double readUnits, double writeUnits);

    /** The service deleted an expired item (Time to Live), after the deletion committed. */
    void timeToLiveDeleted(String tableName);
}
