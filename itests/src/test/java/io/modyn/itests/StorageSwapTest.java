package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.AttemptCounter;
import io.modyn.itests.support.BundleInfo;
import io.modyn.itests.support.ConcurrentWriters;
import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.StorageBackend;
import io.modyn.itests.support.TestTables;
import io.modyn.itests.support.WireClient;
import io.modyn.itests.support.WireResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The storage backend is a service the engine binds dynamically: an operator stops the storage
 * bundle (of the run's backend) through the admin endpoint while a client keeps writing, and starts it again
 * a second later. Requests meanwhile answer 503, so the SDK retries; the client sees no failure
 * and nothing it was told is stored goes missing. This class runs its own server.
 */
class StorageSwapTest {

    private static final String STORAGE_BUNDLE = StorageBackend.current().bundle();

    private static ModynServer server;

    @BeforeAll
    static void startServer() {
        server = ModynServer.start("storage-swap");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @Test
    void writesRideOutAStorageBundleRestartWithRetriesAndNothingIsLost() throws InterruptedException {
        WireClient wire = new WireClient(server);
        String table;
        try (DynamoDbClient setup = DynamoDbClients.create(server)) {
            table = TestTables.createHashTable(setup, "swap", ScalarAttributeType.S);
        }
        AttemptCounter attempts = new AttemptCounter();
        Set<String> acknowledged;
        List<Throwable> failures;
        try (DynamoDbClient dynamo = DynamoDbClients.builder(server)
                .overrideConfiguration(override -> override
                        .retryStrategy(DynamoDbClients.patientRetries())
                        .addExecutionInterceptor(attempts))
                .build()) {
            ConcurrentWriters writers = ConcurrentWriters.start(dynamo, table, 2);
            writers.awaitAcknowledged(50, Duration.ofSeconds(60));

            BundleInfo stopped = server.admin().stop(STORAGE_BUNDLE);
            assertEquals("RESOLVED", stopped.state());
            WireResponse putDuringOutage = wire.post("PutItem")
                    .body("{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"during outage\"}}}").send();
            WireResponse describeDuringOutage = wire.post("DescribeTable")
                    .body("{\"TableName\":\"" + table + "\"}").send();
            Thread.sleep(1000);
            int acknowledgedDuringOutage = writers.acknowledged().size();
            BundleInfo started = server.admin().start(STORAGE_BUNDLE);

            writers.awaitAcknowledged(acknowledgedDuringOutage + 50, Duration.ofSeconds(60));
            writers.close();
            acknowledged = writers.acknowledged();
            failures = writers.failures();

            assertEquals(503, putDuringOutage.status(), putDuringOutage::toString);
            assertEquals(503, describeDuringOutage.status(), describeDuringOutage::toString);
            assertEquals("ACTIVE", started.state());
        }

        assertEquals(List.of(), failures, "the client saw failures instead of retries");
        assertTrue(attempts.retries() > 0, "the writers were retrying while storage was stopped");
        try (DynamoDbClient dynamo = DynamoDbClients.create(server)) {
            Map<String, AttributeValue> stored = new HashMap<>();
            dynamo.scanPaginator(scan -> scan.tableName(table)).items()
                    .forEach(item -> stored.put(item.get("pk").s(), item.get("value")));
            Set<String> lost = new TreeSet<>(acknowledged);
            lost.removeAll(stored.keySet());
            assertEquals(Set.of(), lost, "acknowledged writes missing after the swap");
        }
    }
}
