package io.modyn.engine.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.dynamodb.BatchWriteItemRequest;
import io.modyn.api.dynamodb.BatchWriteItemResponse;
import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.GetItemRequest;
import io.modyn.api.dynamodb.GetItemResponse;
import io.modyn.api.dynamodb.PutItemRequest;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.dynamodb.SecondaryIndexRequest;
import io.modyn.api.dynamodb.UpdateTableRequest;
import io.modyn.api.dynamodb.WriteRequest;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.IndexProjection;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.ProvisionedThroughput;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.engine.DynamoDbEngine;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AuthorizerBinding;
import io.modyn.engine.index.IndexMaintainer;
import io.modyn.engine.index.ItemCollections;
import io.modyn.engine.write.ItemWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine throttling provisioned tables and their global indexes, on a fake clock. */
class ThrottlingTest {

    private static final RequestContext CONTEXT = new RequestContext("test", null);
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong();
    private DynamoDbEngine engine;

    @BeforeEach
    void start() {
        StorageBinding storage = new StorageBinding();
        storage.bind(new InMemoryStorageEngine());
        engine = new DynamoDbEngine(storage, new EngineSettings("us-east-1", "000000000000"),
                new ItemWriter(List.of(new IndexMaintainer(ItemCollections.MAX_BYTES))), new AuthorizerBinding(),
                new Throttling(true, clock::get));
    }

    @Test
    void writesBeyondTheBurstAreRefusedWithDynamoDbsMessageUntilTheBucketRefills() {
        createProvisioned("things", 1, 1, null);
        // 300 s of burst at 1 WCU: thirty writes of 10 KB.
        for (int i = 0; i < 30; i++) put("things", "k" + i, 10);
        DynamoException e = assertThrows(DynamoException.class, () -> put("things", "late", 10));
        assertEquals(ErrorType.PROVISIONED_THROUGHPUT_EXCEEDED, e.type());
        assertEquals(Throttling.TABLE_EXCEEDED, e.getMessage());
        assertTrue(e.type().retryable());
        assertEquals(1, engine.throttling().counts().throttled("things", true));
        clock.addAndGet(SECOND);
        put("things", "late", 10);
    }

    @Test
    void writesAreChargedByTheirSizeWithoutConsumedCapacityBeingAsked() {
        createProvisioned("things", 1, 1, null);
        // 300 units of burst; a 100 KB item costs 100 units: the fourth write finds the bucket empty.
        String big = "x".repeat(100 * 1024 - 10);
        for (int i = 0; i < 3; i++) putValue("things", "k" + i, big);
        assertThrows(DynamoException.class, () -> putValue("things", "k3", big));
    }

    @Test
    void readsDrawOnReadCapacityAloneAndTheResponseLeavesOutUnaskedCapacity() {
        createProvisioned("things", 1, 1, null);
        put("things", "k", 1);
        for (int i = 0; i < 300; i++) {
            GetItemResponse response = engine.getItem(new GetItemRequest("things", key("k"), true, null, null, null, null), CONTEXT);
            assertNotNull(response.item());
            assertNull(response.consumedCapacity());
        }
        DynamoException e = assertThrows(DynamoException.class,
                () -> engine.getItem(new GetItemRequest("things", key("k"), true, null, null, null, null), CONTEXT));
        assertEquals(ErrorType.PROVISIONED_THROUGHPUT_EXCEEDED, e.type());
        put("things", "other", 1);
        assertEquals(1, engine.throttling().counts().throttled("things", false));
    }

    @Test
    void batchWritesAreChargedAndReportCapacityOnlyWhenAsked() {
        createProvisioned("things", 1, 1, null);
        String value = "x".repeat(10 * 1024 - 40);
        for (int batch = 0; batch < 3; batch++) {
            List<WriteRequest> writes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                writes.add(new WriteRequest(Map.of("id", new AttributeValue.S("b" + batch + "-" + i), "v", new AttributeValue.S(value)), null));
            }
            BatchWriteItemResponse response = engine.batchWriteItem(
                    new BatchWriteItemRequest(Map.of("things", writes), batch == 0 ? "TOTAL" : null, null), CONTEXT);
            if (batch == 0) assertEquals(100.0, response.consumedCapacity().get(0).capacityUnits().doubleValue());
            else assertNull(response.consumedCapacity(), "not asked for");
        }
        // Three batches of ten 10 KB items spent the 300 units of burst.
        assertThrows(DynamoException.class, () -> put("things", "late", 1));
    }

    @Test
    void raisingTheCapacityLiftsTheThrottling() {
        createProvisioned("things", 1, 1, null);
        for (int i = 0; i < 300; i++) put("things", "k" + i, 1);
        assertThrows(DynamoException.class, () -> put("things", "late", 1));
        engine.updateTable(new UpdateTableRequest("things", null, null, new ProvisionedThroughput(1L, 1000L), null, null, null, null), CONTEXT);
        clock.addAndGet(SECOND / 100);
        put("things", "late", 1);
    }

    @Test
    void onDemandTablesAreNotThrottled() {
        engine.createTable(new CreateTableRequest("ondemand", List.of(new AttributeDefinition("id", "S")), List.of(new KeySchemaElement("id", "HASH")),
                "PAY_PER_REQUEST", null, null, null, null, null, null, null, null), CONTEXT);
        for (int i = 0; i < 500; i++) put("ondemand", "k" + i, 10);
    }

    @Test
    void aGlobalIndexOutOfWriteCapacityBackPressuresTheTablesWrites() {
        createProvisioned("things", 1000, 1000, new SecondaryIndexRequest("byG", List.of(new KeySchemaElement("g", "HASH")),
                new IndexProjection("KEYS_ONLY", null), new ProvisionedThroughput(1L, 1L)));
        for (int i = 0; i < 300; i++) put("things", "k" + i, 1);
        DynamoException e = assertThrows(DynamoException.class, () -> put("things", "late", 1));
        assertEquals(Throttling.INDEX_EXCEEDED, e.getMessage());
    }

    @Test
    void throttlingOffAdmitsEverything() {
        StorageBinding storage = new StorageBinding();
        storage.bind(new InMemoryStorageEngine());
        engine = new DynamoDbEngine(storage, new EngineSettings("us-east-1", "000000000000"), new ItemWriter(List.of()),
                new AuthorizerBinding(), Throttling.DISABLED);
        createProvisioned("things", 1, 1, null);
        for (int i = 0; i < 400; i++) put("things", "k" + i, 1);
    }

    private void createProvisioned(String name, long read, long write, SecondaryIndexRequest gsi) {
        List<AttributeDefinition> attributes = gsi == null ? List.of(new AttributeDefinition("id", "S"))
                : List.of(new AttributeDefinition("id", "S"), new AttributeDefinition("g", "S"));
        engine.createTable(new CreateTableRequest(name, attributes, List.of(new KeySchemaElement("id", "HASH")), "PROVISIONED",
                new ProvisionedThroughput(read, write), null, gsi == null ? null : List.of(gsi), null, null, null, null, null), CONTEXT);
    }

    private void put(String table, String id, int kilobytes) {
        putValue(table, id, "x".repeat(kilobytes * 1024 - 40));
    }

    private void putValue(String table, String id, String value) {
        engine.putItem(new PutItemRequest(table, Map.of("id", new AttributeValue.S(id), "g", new AttributeValue.S("g"), "v",
                new AttributeValue.S(value)), null, null, null, null, null, null, null, null, null), CONTEXT);
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", new AttributeValue.S(id));
    }
}
