package io.modyn.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.dynamodb.BatchGetItemRequest;
import io.modyn.api.dynamodb.BatchGetItemResponse;
import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.GetItemRequest;
import io.modyn.api.dynamodb.KeysAndAttributes;
import io.modyn.api.dynamodb.PutItemRequest;
import io.modyn.api.dynamodb.PutItemResponse;
import io.modyn.api.dynamodb.QueryRequest;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.metrics.RequestMetrics;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.engine.DynamoDbEngine;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.write.ItemWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine as registered, over the in-memory storage, reporting to a recording {@link RequestMetrics}. */
class MeteredDynamoDbServiceTest {

    private static final RequestContext CONTEXT = new RequestContext("test", null);

    private final Recorder recorder = new Recorder();
    private final MetricsBinding binding = new MetricsBinding();
    private MeteredDynamoDbService service;

    @BeforeEach
    void createTable() {
        StorageBinding storage = new StorageBinding();
        storage.bind(new InMemoryStorageEngine());
        service = new MeteredDynamoDbService(
                new DynamoDbEngine(storage, new EngineSettings("us-east-1", "000000000000"), new ItemWriter(List.of())), binding);
        service.createTable(new CreateTableRequest("things", List.of(new AttributeDefinition("id", "S")),
                List.of(new KeySchemaElement("id", "HASH")), "PAY_PER_REQUEST", null), CONTEXT);
    }

    @Test
    void nothingIsReportedWhileNoMetricsAreBound() {
        service.putItem(put("a", null), CONTEXT);
        binding.bind(recorder);
        binding.unbind(recorder);
        service.putItem(put("b", null), CONTEXT);

        assertEquals(List.of(), recorder.events);
    }

    @Test
    void capacityIsReportedThoughTheClientDidNotAskForIt() {
        binding.bind(recorder);

        PutItemResponse put = service.putItem(put("a", null), CONTEXT);
        service.getItem(new GetItemRequest("things", Map.of("id", AttributeValue.s("a")), null, null, null, null, null), CONTEXT);

        assertNull(put.consumedCapacity(), "the response shows capacity only when asked");
        assertEquals(List.of("capacity things null read=0.0 write=1.0", "succeeded PutItem things",
                "capacity things null read=0.5 write=0.0", "succeeded GetItem things"), recorder.events);
    }

    @Test
    void capacityAskedForIsReportedOnceAndStillAnswered() {
        binding.bind(recorder);

        PutItemResponse put = service.putItem(put("a", "TOTAL"), CONTEXT);

        assertEquals(1.0, put.consumedCapacity().capacityUnits());
        assertEquals(List.of("capacity things null read=0.0 write=1.0", "succeeded PutItem things"), recorder.events);
    }

    @Test
    void aBatchAnswersNoCapacityListUnlessAsked() {
        service.putItem(put("a", null), CONTEXT);
        binding.bind(recorder);

        BatchGetItemResponse response = service.batchGetItem(new BatchGetItemRequest(Map.of("things",
                new KeysAndAttributes(List.of(Map.of("id", AttributeValue.s("a"))), null, null, null, null)), null), CONTEXT);

        assertNull(response.consumedCapacity());
        assertEquals(List.of("capacity things null read=0.5 write=0.0", "succeeded BatchGetItem things"), recorder.events);
    }

    @Test
    void queriesReportTheItemsTheyReturn() {
        service.putItem(put("a", null), CONTEXT);
        binding.bind(recorder);

        service.query(new QueryRequest("things", null, null, null, null, null, null, null, null, null, null, null, null, null,
                "id = :id", null, Map.of(":id", AttributeValue.s("a"))), CONTEXT);

        assertTrue(recorder.events.contains("items Query things 1"), recorder.events.toString());
    }

    @Test
    void aFailedConditionIsReportedWithItsTable() {
        service.putItem(put("a", null), CONTEXT);
        binding.bind(recorder);

        DynamoException failed = assertThrows(DynamoException.class, () -> service.putItem(new PutItemRequest("things",
                Map.of("id", AttributeValue.s("a")), "attribute_not_exists(id)", null, null, null, null, null, null, null, null), CONTEXT));

        assertEquals(ErrorType.CONDITIONAL_CHECK_FAILED, failed.type());
        assertEquals(List.of("failed PutItem things ConditionalCheckFailedException"), recorder.events);
    }

    @Test
    void aRequestForAMissingTableIsReportedAsFailed() {
        binding.bind(recorder);

        assertThrows(DynamoException.class, () -> service.getItem(
                new GetItemRequest("missing", Map.of("id", AttributeValue.s("a")), null, null, null, null, null), CONTEXT));

        assertEquals(List.of("failed GetItem missing ResourceNotFoundException"), recorder.events);
    }

    private static PutItemRequest put(String id, String returnConsumedCapacity) {
        return new PutItemRequest("things", Map.of("id", AttributeValue.s(id)), null, null, null, null, null, null,
                returnConsumedCapacity, null, null);
    }

    private static final class Recorder implements RequestMetrics {

        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void succeeded(String operation, String tableName, long latencyNanos) {
            events.add("succeeded " + operation + " " + tableName);
        }

        @Override
        public void failed(String operation, String tableName, DynamoException error) {
            events.add("failed " + operation + " " + tableName + " " + error.type().wireName());
        }

        @Override
        public void itemsReturned(String operation, String tableName, int count) {
            events.add("items " + operation + " " + tableName + " " + count);
        }

        @Override
        public void capacityConsumed(String tableName, String globalSecondaryIndexName, double readUnits, double writeUnits) {
            events.add("capacity " + tableName + " " + globalSecondaryIndexName + " read=" + readUnits + " write=" + writeUnits);
        }

        @Override
        public void timeToLiveDeleted(String tableName) {
            events.add("ttl " + tableName);
        }
    }
}
