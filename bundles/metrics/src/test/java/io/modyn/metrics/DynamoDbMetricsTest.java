package io.modyn.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modyn.api.model.CancellationReason;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.TransactionCanceledException;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamoDbMetricsTest {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final DynamoDbMetrics metrics = new DynamoDbMetrics(registry);

    @Test
    void successfulRequestsAreTimedPerTableAndOperation() {
        metrics.succeeded("PutItem", "Music", 2_000_000);
        metrics.succeeded("PutItem", "Music", 40_000_000);
        metrics.succeeded("GetItem", "Music", 300_000);

        Map<String, Double> samples = Exposition.samples(registry);
        String put = "dynamodb_SuccessfulRequestLatency_seconds_%s{Operation=\"PutItem\",TableName=\"Music\"%s}";
        assertEquals(2.0, samples.get(put.formatted("count", "")));
        assertEquals(0.042, samples.get(put.formatted("sum", "")), 1e-9);
        assertEquals(0.0, samples.get(put.formatted("bucket", ",le=\"0.001\"")));
        assertEquals(1.0, samples.get(put.formatted("bucket", ",le=\"0.0025\"")));
        assertEquals(2.0, samples.get(put.formatted("bucket", ",le=\"0.05\"")));
        assertEquals(2.0, samples.get(put.formatted("bucket", ",le=\"+Inf\"")));
        assertEquals(1.0, samples.get("dynamodb_SuccessfulRequestLatency_seconds_count{Operation=\"GetItem\",TableName=\"Music\"}"));
    }

    @Test
    void capacityIsCountedForTheTableAndEachGlobalIndexApart() {
        metrics.capacityConsumed("Music", null, 0.5, 0);
        metrics.capacityConsumed("Music", null, 1.0, 0);
        metrics.capacityConsumed("Music", null, 0, 2);
        metrics.capacityConsumed("Music", "byGenre", 0, 1);

        Map<String, Double> samples = Exposition.samples(registry);
        assertEquals(1.5, samples.get("dynamodb_ConsumedReadCapacityUnits_total{GlobalSecondaryIndexName=\"\",TableName=\"Music\"}"));
        assertEquals(2.0, samples.get("dynamodb_ConsumedWriteCapacityUnits_total{GlobalSecondaryIndexName=\"\",TableName=\"Music\"}"));
        assertEquals(1.0, samples.get("dynamodb_ConsumedWriteCapacityUnits_total{GlobalSecondaryIndexName=\"byGenre\",TableName=\"Music\"}"));
        assertEquals(0.0, samples.get("dynamodb_ConsumedReadCapacityUnits_total{GlobalSecondaryIndexName=\"byGenre\",TableName=\"Music\"}"));
    }

    @Test
    void aFailedConditionIsNoUserError() {
        metrics.failed("PutItem", "Music", new DynamoException(ErrorType.CONDITIONAL_CHECK_FAILED, "The conditional request failed"));

        Map<String, Double> samples = Exposition.samples(registry);
        assertEquals(1.0, samples.get("dynamodb_ConditionalCheckFailedRequests_total{TableName=\"Music\"}"));
        assertEquals(0.0, samples.get("dynamodb_UserErrors_total"));
    }

    @Test
    void clientErrorsAreUserErrorsWithoutDimensionsAndServerErrorsAreSystemErrorsPerOperation() {
        metrics.failed("GetItem", "Missing", DynamoException.resourceNotFound("Requested resource not found"));
        metrics.failed("Query", null, DynamoException.validation("bad"));
        metrics.failed("Scan", "Music", DynamoException.internal("Internal server error", null));
        metrics.failed("Scan", "Music", DynamoException.unavailable("no storage"));

        Map<String, Double> samples = Exposition.samples(registry);
        assertEquals(2.0, samples.get("dynamodb_UserErrors_total"));
        assertEquals(2.0, samples.get("dynamodb_SystemErrors_total{Operation=\"Scan\",TableName=\"Music\"}"));
    }

    @Test
    void throttledRequestsCountAsThrottleEventsOfTheirKind() {
        DynamoException throttled = new DynamoException(ErrorType.PROVISIONED_THROUGHPUT_EXCEEDED, "slow down");
        metrics.failed("GetItem", "Music", throttled);
        metrics.failed("PutItem", "Music", throttled);
        metrics.failed("UpdateItem", "Music", throttled);

        Map<String, Double> samples = Exposition.samples(registry);
        assertEquals(1.0, samples.get("dynamodb_ThrottledRequests_total{Operation=\"GetItem\",TableName=\"Music\"}"));
        assertEquals(1.0, samples.get("dynamodb_ReadThrottleEvents_total{GlobalSecondaryIndexName=\"\",TableName=\"Music\"}"));
        assertEquals(2.0, samples.get("dynamodb_WriteThrottleEvents_total{GlobalSecondaryIndexName=\"\",TableName=\"Music\"}"));
        assertEquals(0.0, samples.get("dynamodb_UserErrors_total"));
    }

    @Test
    void transactionConflictsCountEachConflictingItem() {
        CancellationReason none = new CancellationReason("None", null, null);
        CancellationReason conflict = new CancellationReason("TransactionConflict", "Transaction is ongoing for the item", null);
        metrics.failed("TransactWriteItems", "Music", new TransactionCanceledException(List.of(none, conflict, conflict)));
        metrics.failed("PutItem", "Music", new DynamoException(ErrorType.TRANSACTION_CONFLICT, "Transaction is ongoing for the item"));

        Map<String, Double> samples = Exposition.samples(registry);
        assertEquals(3.0, samples.get("dynamodb_TransactionConflict_total{TableName=\"Music\"}"));
        assertEquals(2.0, samples.get("dynamodb_UserErrors_total"));
    }

    @Test
    void returnedItemsAreCountedForQueryScanAndStatementsOnly() {
        metrics.itemsReturned("Query", "Music", 7);
        metrics.itemsReturned("ExecuteStatement", "Music", 2);
        metrics.itemsReturned("GetItem", "Music", 1);

        Map<String, Double> samples = Exposition.samples(registry);
        assertEquals(7.0, samples.get("dynamodb_ReturnedItemCount_total{Operation=\"Query\",TableName=\"Music\"}"));
        assertEquals(2.0, samples.get("dynamodb_ReturnedItemCount_total{Operation=\"ExecuteStatement\",TableName=\"Music\"}"));
        assertNull(samples.get("dynamodb_ReturnedItemCount_total{Operation=\"GetItem\",TableName=\"Music\"}"));
    }

    @Test
    void requestsNamingNoOneTableHaveAnEmptyTableName() {
        metrics.failed("BatchWriteItem", null, DynamoException.internal("Internal server error", null));
        metrics.timeToLiveDeleted("Sessions");
        metrics.timeToLiveDeleted("Sessions");

        Map<String, Double> samples = Exposition.samples(registry);
        assertEquals(1.0, samples.get("dynamodb_SystemErrors_total{Operation=\"BatchWriteItem\",TableName=\"\"}"));
        assertEquals(2.0, samples.get("dynamodb_TimeToLiveDeletedItemCount_total{TableName=\"Sessions\"}"));
        assertFalse(Exposition.text(registry).contains("null"));
    }
}
