package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.AttemptCounter;
import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.TestTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Throttling of provisioned tables as DynamoDB does it, through the AWS SDK on both storage
 * backends: 300 seconds of unused capacity as burst, then ProvisionedThroughputExceededException
 * with DynamoDB's message, which the SDK retries; UpdateTable raising the capacity lifts it; a
 * global index's write capacity throttles the table's writes; {@code --no-throttling} turns it off.
 * Items of 100 KB cost 100 write units (25 read units), so a few requests spend a whole burst.
 */
class ProvisionedThroughputTest {

    private static final String TABLE_EXCEEDED = "The level of configured provisioned throughput for the table was exceeded. "
            + "Consider increasing your provisioning level with the UpdateTable API";
    private static final String INDEX_EXCEEDED = "The level of configured provisioned throughput for one or more global secondary "
            + "indexes of the table was exceeded. Consider increasing your provisioning level for the under-provisioned global "
            + "secondary indexes with the UpdateTable API";
    private static final String KB_100 = "x".repeat(100 * 1024 - 64);

    private static ModynServer server;
    private static DynamoDbClient dynamo;
    private static DynamoDbClient noRetries;

    @BeforeAll
    static void startServer() {
        server = ModynServer.start("throttle");
        dynamo = DynamoDbClients.create(server);
        noRetries = DynamoDbClients.withoutRetries(server);
    }

    @AfterAll
    static void stopServer() {
        if (dynamo != null) dynamo.close();
        if (noRetries != null) noRetries.close();
        if (server != null) server.close();
    }

    @Test
    void writesFromSeveralThreadsBeyondTheBurstAreThrottledWithDynamoDbsRetryableError() throws Exception {
        String table = createProvisioned(dynamo, "burst", 5, 5, null);
        // 1,500 write units of burst: fifteen 100 KB writes; four threads write forty.
        ConcurrentLinkedQueue<ProvisionedThroughputExceededException> refusals = new ConcurrentLinkedQueue<>();
        AtomicInteger written = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        try {
                            put(noRetries, table, thread + "-" + i, KB_100);
                            written.incrementAndGet();
                        } catch (ProvisionedThroughputExceededException e) {
                            refusals.add(e);
                        }
                    }
                }));
            }
            for (Future<?> f : futures) f.get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertFalse(refusals.isEmpty(), "forty 100 KB writes exceed 300 s of 5 WCU");
        assertTrue(written.get() >= 15 && written.get() <= 22, "the burst admits fifteen writes, and those in flight: " + written.get());
        ProvisionedThroughputExceededException e = refusals.peek();
        assertEquals(TABLE_EXCEEDED, e.awsErrorDetails().errorMessage());
        assertEquals(400, e.statusCode());
        // The SDK's retry strategies retry what it classifies as throttling (with throttling backoff);
        // theSdkRetriesAThrottledRequestUntilItSucceeds shows it.
        assertTrue(e.isThrottlingException(), "the SDK classifies it as throttling");
    }

    @Test
    void readsAreThrottledOnReadCapacityAlone() {
        String table = createProvisioned(dynamo, "reads", 1, 5, null);
        put(noRetries, table, "big", KB_100);
        // 300 read units of burst; a strongly consistent read of 100 KB costs 25.
        ProvisionedThroughputExceededException e = assertThrows(ProvisionedThroughputExceededException.class, () -> {
            for (int i = 0; i < 20; i++) noRetries.getItem(r -> r.tableName(table).key(key("big")).consistentRead(true));
        });
        assertEquals(TABLE_EXCEEDED, e.awsErrorDetails().errorMessage());
        put(noRetries, table, "small", "still writable");
    }

    @Test
    void theSdkRetriesAThrottledRequestUntilItSucceeds() {
        String table = createProvisioned(dynamo, "retried", 5, 5, null);
        AttemptCounter attempts = new AttemptCounter();
        try (DynamoDbClient retrying = DynamoDbClients.builder(server)
                .overrideConfiguration(c -> c.addExecutionInterceptor(attempts)).build()) {
            for (int i = 0; i < 15; i++) put(noRetries, table, "big" + i, KB_100);
            // The burst is spent: 1 KB writes, faster than 5 a second, soon find the bucket empty;
            // each then succeeds once the SDK has backed off long enough for the refill.
            for (int i = 0; i < 100 && attempts.retries() == 0; i++) put(retrying, table, "small" + i, "x");
        }
        assertTrue(attempts.retries() >= 1, "some attempt was throttled and retried");
    }

    @Test
    void raisingTheCapacityWithUpdateTableLiftsTheThrottling() throws Exception {
        String table = createProvisioned(dynamo, "raised", 1, 1, null);
        // Four 100 KB writes spend the 300-unit burst and a hundred units more: a hundred seconds at 1 WCU.
        for (int i = 0; i < 4; i++) put(noRetries, table, "big" + i, KB_100);
        assertThrows(ProvisionedThroughputExceededException.class, () -> put(noRetries, table, "small", "x"));
        dynamo.updateTable(r -> r.tableName(table).provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1000L)));
        TestTables.awaitActive(dynamo, table);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                put(noRetries, table, "small", "x");
                return;
            } catch (ProvisionedThroughputExceededException e) {
                if (System.nanoTime() > deadline) throw e;
                Thread.sleep(50);
            }
        }
    }

    @Test
    void aGlobalIndexOutOfWriteCapacityThrottlesTheTablesWrites() {
        GlobalSecondaryIndex index = GlobalSecondaryIndex.builder().indexName("byG")
                .keySchema(TestTables.key("g", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.ALL))
                .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)).build();
        String table = createProvisioned(dynamo, "gsi", 1000, 1000, index);
        ProvisionedThroughputExceededException e = assertThrows(ProvisionedThroughputExceededException.class, () -> {
            for (int i = 0; i < 6; i++) {
                String id = "k" + i;
                noRetries.putItem(r -> r.tableName(table).item(Map.of(TestTables.PK, s(id), "g", s("g"), "v", s(KB_100))));
            }
        });
        assertEquals(INDEX_EXCEEDED, e.awsErrorDetails().errorMessage());
    }

    @Test
    void aGlobalIndexIsReadOnItsOwnCapacity() {
        GlobalSecondaryIndex index = GlobalSecondaryIndex.builder().indexName("byG")
                .keySchema(TestTables.key("g", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.ALL))
                .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1000L)).build();
        String table = createProvisioned(dynamo, "gsireads", 1000, 1000, index);
        noRetries.putItem(r -> r.tableName(table).item(Map.of(TestTables.PK, s("k"), "g", s("g"), "v", s(KB_100))));
        // 300 read units of burst on the index; an eventually consistent Query of 100 KB costs 12.5.
        assertThrows(ProvisionedThroughputExceededException.class, () -> {
            for (int i = 0; i < 40; i++) {
                noRetries.query(r -> r.tableName(table).indexName("byG").keyConditionExpression("g = :g")
                        .expressionAttributeValues(Map.of(":g", s("g"))));
            }
        });
        for (int i = 0; i < 5; i++) noRetries.getItem(r -> r.tableName(table).key(key("k")).consistentRead(true));
    }

    @Test
    void onDemandTablesAreNotThrottled() {
        String table = TestTables.createHashTable(dynamo, "ondemand", ScalarAttributeType.S);
        for (int i = 0; i < 20; i++) put(noRetries, table, "big" + i, KB_100);
    }

    @Test
    void noThrottlingAdmitsEveryRequest() {
        try (ModynServer unthrottled = ModynServer.startWithOptions("nothrottle", List.of("--no-throttling"));
                DynamoDbClient client = DynamoDbClients.withoutRetries(unthrottled)) {
            String table = createProvisioned(client, "free", 1, 1, null);
            for (int i = 0; i < 10; i++) put(client, table, "big" + i, KB_100);
        }
    }

    private static String createProvisioned(DynamoDbClient client, String purpose, long read, long write, GlobalSecondaryIndex index) {
        String name = TestTables.uniqueName(purpose);
        client.createTable(r -> {
            r.tableName(name).billingMode(BillingMode.PROVISIONED)
                    .keySchema(TestTables.key(TestTables.PK, KeyType.HASH))
                    .provisionedThroughput(p -> p.readCapacityUnits(read).writeCapacityUnits(write));
            if (index == null) {
                r.attributeDefinitions(TestTables.definition(TestTables.PK, ScalarAttributeType.S));
            } else {
                r.attributeDefinitions(TestTables.definition(TestTables.PK, ScalarAttributeType.S), TestTables.definition("g", ScalarAttributeType.S))
                        .globalSecondaryIndexes(index);
            }
        });
        TestTables.awaitActive(client, name);
        return name;
    }

    private static void put(DynamoDbClient client, String table, String id, String value) {
        client.putItem(r -> r.tableName(table).item(Map.of(TestTables.PK, s(id), "v", s(value))));
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of(TestTables.PK, s(id));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }
}
