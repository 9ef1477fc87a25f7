package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.AttemptCounter;
import io.modyn.itests.support.ConcurrentWriters;
import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.ResponseStatuses;
import io.modyn.itests.support.StorageBackend;
import io.modyn.itests.support.TcpForwarder;
import io.modyn.itests.support.TestTables;
import io.modyn.itests.support.WireClient;
import io.modyn.itests.support.WireResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The network between a Modyn server and PostgreSQL breaks for a few seconds while clients keep
 * writing: the server reaches the database through a {@link TcpForwarder}, which resets every
 * connection and every new one until restored. Requests meanwhile fail with retryable errors, so
 * the SDK retries and the clients see no failure; every write the server acknowledged is stored;
 * and once the network is back, service resumes without anybody restarting anything.
 */
@EnabledIfSystemProperty(named = StorageBackend.PROPERTY, matches = "postgres",
        disabledReason = "the database network exists only on PostgreSQL storage")
class DatabaseOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(3);
    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(60);

    private static TcpForwarder network;
    private static ModynServer server;

    @BeforeAll
    static void startServerBehindAForwarder() {
        network = TcpForwarder.start(StorageBackend.postgresAddress());
        server = ModynServer.startWithDatabaseAt("db-outage", network.address());
    }

    @AfterAll
    static void stopServer() {
        try {
            if (server != null) server.close();
        } finally {
            if (network != null) network.close();
        }
    }

    @Test
    void writesRideOutABrokenDatabaseNetworkWithRetriesAndNothingIsLost() throws InterruptedException {
        WireClient wire = new WireClient(server);
        String table;
        try (DynamoDbClient setup = DynamoDbClients.create(server)) {
            table = TestTables.createHashTable(setup, "db-outage", ScalarAttributeType.S);
        }
        AttemptCounter attempts = new AttemptCounter();
        ResponseStatuses statuses = new ResponseStatuses();
        Set<String> acknowledged;
        List<Throwable> failures;
        int connectionsCut;
        WireResponse putDuringOutage;
        try (DynamoDbClient dynamo = DynamoDbClients.builder(server)
                .overrideConfiguration(override -> override
                        .retryStrategy(DynamoDbClients.patientRetries())
                        .addExecutionInterceptor(attempts)
                        .addExecutionInterceptor(statuses))
                .build()) {
            ConcurrentWriters writers = ConcurrentWriters.start(dynamo, table, 2);
            writers.awaitAcknowledged(50, RECOVERY_TIMEOUT);

            Instant cut = Instant.now();
            connectionsCut = network.cut();
            // Sent after the cut and answered before the restore, however long the server takes
            // to give up on the database: the outage lasts at least until this answer is in.
            putDuringOutage = wire.post("PutItem")
                    .body("{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"during outage\"}}}").send();
            sleepUntil(cut.plus(OUTAGE));
            int acknowledgedBeforeRestore = writers.acknowledged().size();
            network.restore();

            writers.awaitAcknowledged(acknowledgedBeforeRestore + 50, RECOVERY_TIMEOUT);
            writers.close();
            acknowledged = writers.acknowledged();
            failures = writers.failures();
        }

        System.out.println("[itests] database outage: " + connectionsCut + " connections cut, " + attempts.retries()
                + " SDK retries, responses by status " + statuses.counts() + ", raw PutItem during the outage: "
                + putDuringOutage.status() + " " + putDuringOutage.text());
        assertTrue(connectionsCut > 0, "the server held no database connection to cut");
        assertRetryableServerError(putDuringOutage);
        assertEquals(List.of(), failures, "the writers saw failures instead of retries");
        assertTrue(attempts.retries() > 0, "the writers were retrying while the database was unreachable");
        assertEquals(0, statuses.between(400, 499), "client errors among the responses " + statuses.counts());

        try (DynamoDbClient dynamo = DynamoDbClients.create(server)) {
            Map<String, AttributeValue> stored = new HashMap<>();
            dynamo.scanPaginator(scan -> scan.tableName(table).consistentRead(true)).items()
                    .forEach(item -> stored.put(item.get(TestTables.PK).s(), item.get("value")));
            Set<String> lost = new TreeSet<>(acknowledged);
            lost.removeAll(stored.keySet());
            assertEquals(Set.of(), lost, "acknowledged writes missing after the outage");
            Map<String, AttributeValue> damaged = new TreeMap<>();
            for (String key : acknowledged) {
                if (!ConcurrentWriters.valueFor(key).equals(stored.get(key))) damaged.put(key, stored.get(key));
            }
            assertEquals(Map.of(), damaged, "acknowledged items stored with another value");
        }
    }

    /** 503, or 500 with a type SDKs retry; never a 4xx, which would tell the client its request was wrong. */
    private static void assertRetryableServerError(WireResponse response) {
        boolean unavailable = response.status() == 503;
        boolean internal = response.status() == 500 && String.valueOf(response.errorType()).endsWith("#InternalServerError");
        assertTrue(unavailable || internal, "a request while the database is unreachable must get a retryable 5xx: " + response);
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) Thread.sleep(millis);
    }
}
