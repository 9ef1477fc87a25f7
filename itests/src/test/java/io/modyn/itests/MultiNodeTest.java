package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.ConcurrentWorkers;
import io.modyn.itests.support.Eventually;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.StorageBackend;
import io.modyn.itests.support.TestTables;
import io.modyn.itests.support.TwoNodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Two Modyn server processes on one PostgreSQL schema, as nodes behind a load balancer: tables
 * made through one are served by the other, and conditional writes sent to both at once are
 * serialized by the database (no lost update, never two winners of a condition only one can
 * satisfy). Only on PostgreSQL storage: the file backend is one node's own.
 *
 * <p>Clients do not retry, so a write the server answered with an error is never applied twice
 * behind the test's back and every error is seen; threads alternate between the nodes.
 */
@EnabledIfSystemProperty(named = StorageBackend.PROPERTY, matches = "postgres",
        disabledReason = "several nodes share a database only on PostgreSQL storage")
class MultiNodeTest {

    /** The engine caches a table definition for at most a second; this leaves room for a busy machine. */
    private static final Duration CATALOG_PROPAGATION = Duration.ofSeconds(10);
    private static final Duration WORK_TIMEOUT = Duration.ofSeconds(90);
    private static final int THREADS = 6;

    private static TwoNodes nodes;
    private static ModynServer nodeA;
    private static ModynServer nodeB;
    private static DynamoDbClient clientA;
    private static DynamoDbClient clientB;

    @BeforeAll
    static void startTwoNodesOnOneDatabase() {
        nodes = TwoNodes.start();
        nodeA = nodes.nodeA();
        nodeB = nodes.nodeB();
        clientA = nodes.clientA();
        clientB = nodes.clientB();
    }

    @AfterAll
    static void stopNodes() {
        if (nodes != null) nodes.close();
    }

    @Test
    void aTableCreatedThroughOneNodeIsServedByTheOtherAndItsDeletionReachesItToo() {
        String table = TestTables.createHashTable(clientA, "nodes", ScalarAttributeType.S);
        TableDescription throughA = clientA.describeTable(describe -> describe.tableName(table)).table();

        Eventually.await("node B describes " + table, CATALOG_PROPAGATION,
                () -> clientB.describeTable(describe -> describe.tableName(table)).table() != null);
        TableDescription throughB = clientB.describeTable(describe -> describe.tableName(table)).table();
        assertEquals(throughA.tableArn(), throughB.tableArn());
        assertEquals(throughA.keySchema(), throughB.keySchema());
        assertEquals(throughA.attributeDefinitions(), throughB.attributeDefinitions());
        assertEquals(throughA.creationDateTime(), throughB.creationDateTime());
        assertEquals(throughA.tableStatus(), throughB.tableStatus());
        assertTrue(clientB.listTablesPaginator().tableNames().stream().anyMatch(table::equals), "node B lists " + table);

        Map<String, AttributeValue> fromB = Map.of(TestTables.PK, s("written through B"), "n", n(1));
        clientB.putItem(put -> put.tableName(table).item(fromB));
        assertEquals(fromB, clientA.getItem(get -> get.tableName(table).key(key(fromB)).consistentRead(true)).item());
        Map<String, AttributeValue> fromA = Map.of(TestTables.PK, s("written through A"), "n", n(2));
        clientA.putItem(put -> put.tableName(table).item(fromA));
        assertEquals(fromA, clientB.getItem(get -> get.tableName(table).key(key(fromA)).consistentRead(true)).item());
        assertEquals(2, clientB.scan(scan -> scan.tableName(table)).count());

        clientA.deleteTable(delete -> delete.tableName(table));
        Eventually.await("node B no longer describes the deleted " + table, CATALOG_PROPAGATION, () -> {
            try {
                clientB.describeTable(describe -> describe.tableName(table));
                return false;
            } catch (ResourceNotFoundException expected) {
                return true;
            }
        });
        assertThrows(ResourceNotFoundException.class,
                () -> clientB.getItem(get -> get.tableName(table).key(key(fromA)).consistentRead(true)));
        assertTrue(clientB.listTablesPaginator().tableNames().stream().noneMatch(table::equals), "node B still lists " + table);
    }

    /**
     * Node B may keep a definition cached for a second after node A deleted or replaced the table,
     * but within that second an item request through B must get the answer A gives (no such
     * table), and a table recreated under the same name must take writes through B at once, as it
     * does through A: never an internal error.
     */
    @Test
    void itemRequestsThroughTheOtherNodeRightAfterDeleteTableFindNoTableAndARecreatedTableTakesWrites() {
        String table = TestTables.createHashTable(clientA, "nodes-delete", ScalarAttributeType.S);
        Map<String, AttributeValue> item = Map.of(TestTables.PK, s("cached"));
        Eventually.await("node B describes " + table, CATALOG_PROPAGATION,
                () -> clientB.describeTable(describe -> describe.tableName(table)).table() != null);
        clientB.putItem(put -> put.tableName(table).item(item)); // node B now holds the definition in its cache

        clientA.deleteTable(delete -> delete.tableName(table));
        Executable getThroughB = () -> assertThrows(ResourceNotFoundException.class,
                () -> clientB.getItem(get -> get.tableName(table).key(key(item)).consistentRead(true)), "GetItem through B");
        Executable putThroughB = () -> assertThrows(ResourceNotFoundException.class,
                () -> clientB.putItem(put -> put.tableName(table).item(item)), "PutItem through B");
        Executable putIntoRecreatedThroughB = () -> {
            clientA.createTable(create -> create.tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(TestTables.definition(TestTables.PK, ScalarAttributeType.S))
                    .keySchema(TestTables.key(TestTables.PK, KeyType.HASH)));
            TestTables.awaitActive(clientA, table);
            Map<String, AttributeValue> recreated = Map.of(TestTables.PK, s("after recreation"));
            clientB.putItem(put -> put.tableName(table).item(recreated));
            assertEquals(List.of(recreated), clientA.scan(scan -> scan.tableName(table).consistentRead(true)).items(),
                    "the recreated table through A");
        };
        assertAll(getThroughB, putThroughB, putIntoRecreatedThroughB);
    }

    /**
     * Optimistic locking: each thread reads the item's version and writes version + 1 on the
     * condition that the version is still the one it read, retrying on a failed condition until it
     * has a fixed number of successes. A lost update would leave counter above version's
     * increments or below the successes; two winners of the same version would show as one
     * version set twice.
     */
    @Test
    void versionCheckedUpdatesThroughBothNodesLoseNothingAndNeverWinTwice() throws InterruptedException {
        String table = TestTables.createHashTable(clientA, "optimistic", ScalarAttributeType.S);
        Map<String, AttributeValue> key = Map.of(TestTables.PK, s("document"));
        clientA.putItem(put -> put.tableName(table).item(Map.of(TestTables.PK, s("document"), "version", n(0), "counter", n(0))));
        int successesPerThread = 12;
        ConcurrentMap<Long, List<Integer>> winnersByVersion = new ConcurrentHashMap<>();
        AtomicInteger conditionFailures = new AtomicInteger();

        List<Throwable> failures = ConcurrentWorkers.run(THREADS, WORK_TIMEOUT, worker -> {
            DynamoDbClient client = clientFor(worker);
            for (int successes = 0; successes < successesPerThread; ) {
                Map<String, AttributeValue> current = client.getItem(get -> get.tableName(table).key(key).consistentRead(true)).item();
                long version = Long.parseLong(current.get("version").n());
                try {
                    client.updateItem(update -> update.tableName(table).key(key)
                            .updateExpression("SET #version = :new, #counter = #counter + :one")
                            .conditionExpression("#version = :old")
                            .expressionAttributeNames(Map.of("#version", "version", "#counter", "counter"))
                            .expressionAttributeValues(Map.of(":old", n(version), ":new", n(version + 1), ":one", n(1))));
                    successes++;
                    winnersByVersion.computeIfAbsent(version + 1, v -> new CopyOnWriteArrayList<>()).add(worker);
                } catch (ConditionalCheckFailedException lostTheRace) {
                    conditionFailures.incrementAndGet();
                }
            }
        });

        assertEquals(List.of(), failures, "errors other than a failed condition");
        int total = THREADS * successesPerThread;
        Map<Long, List<Integer>> doubleWins = new TreeMap<>(winnersByVersion);
        doubleWins.values().removeIf(winners -> winners.size() == 1);
        assertEquals(Map.of(), doubleWins, "versions that more than one writer set (version -> writers)");
        assertEquals(LongStream.rangeClosed(1, total).boxed().collect(Collectors.toCollection(TreeSet::new)),
                new TreeSet<>(winnersByVersion.keySet()), "versions set by successful updates");
        Map<String, AttributeValue> last = clientB.getItem(get -> get.tableName(table).key(key).consistentRead(true)).item();
        assertEquals(n(total), last.get("version"), "version after " + total + " successful updates");
        assertEquals(n(total), last.get("counter"), "counter after " + total + " successful updates");
        // Without contention this test would prove nothing: the threads must have lost races.
        assertTrue(conditionFailures.get() > 0, "no update ever failed its condition: the writers did not contend");
        System.out.println("[itests] optimistic locking: " + total + " updates won, " + conditionFailures.get() + " lost the race");
    }

    /**
     * ADD from many threads on both nodes to a few counters: each counter ends at the number of
     * ADDs acknowledged for it, and the values returned (UPDATED_NEW) are exactly 1..n, so no two
     * ADDs saw the same previous value.
     */
    @Test
    void addCountersThroughBothNodesCountEveryAcknowledgedAdd() throws InterruptedException {
        String table = TestTables.createHashTable(clientA, "counters", ScalarAttributeType.S);
        int counters = 3;
        int addsPerThread = 40;
        ConcurrentMap<String, Set<Long>> returnedValues = new ConcurrentHashMap<>();
        ConcurrentMap<String, AtomicInteger> acknowledged = new ConcurrentHashMap<>();
        ConcurrentMap<String, List<Long>> repeatedValues = new ConcurrentHashMap<>();

        List<Throwable> failures = ConcurrentWorkers.run(THREADS, WORK_TIMEOUT, worker -> {
            DynamoDbClient client = clientFor(worker);
            for (int i = 0; i < addsPerThread; i++) {
                String counter = "counter-" + ((worker + i) % counters);
                AttributeValue hits = client.updateItem(update -> update.tableName(table)
                                .key(Map.of(TestTables.PK, s(counter)))
                                .updateExpression("ADD hits :one")
                                .expressionAttributeValues(Map.of(":one", n(1)))
                                .returnValues(ReturnValue.UPDATED_NEW))
                        .attributes().get("hits");
                acknowledged.computeIfAbsent(counter, c -> new AtomicInteger()).incrementAndGet();
                long value = Long.parseLong(hits.n());
                if (!returnedValues.computeIfAbsent(counter, c -> ConcurrentHashMap.newKeySet()).add(value)) {
                    repeatedValues.computeIfAbsent(counter, c -> new CopyOnWriteArrayList<>()).add(value);
                }
            }
        });

        assertEquals(List.of(), failures, "failed ADDs");
        assertEquals(Map.of(), repeatedValues, "values two ADDs both returned (counter -> values)");
        int total = 0;
        for (int c = 0; c < counters; c++) {
            String counter = "counter-" + c;
            int adds = acknowledged.get(counter).get();
            total += adds;
            Map<String, AttributeValue> stored = clientA.getItem(get -> get.tableName(table)
                    .key(Map.of(TestTables.PK, s(counter))).consistentRead(true)).item();
            assertEquals(n(adds), stored.get("hits"), counter + " after " + adds + " acknowledged ADDs");
            assertEquals(LongStream.rangeClosed(1, adds).boxed().collect(Collectors.toSet()), returnedValues.get(counter),
                    "values returned by the ADDs to " + counter);
        }
        assertEquals(THREADS * addsPerThread, total);
    }

    /**
     * Claims: every thread, on both nodes, tries to create each of the same keys in the same
     * order with attribute_not_exists(pk), so they race on every key. Exactly one claim per key
     * succeeds, and the stored item is the winner's.
     */
    @Test
    void attributeNotExistsClaimsThroughBothNodesHaveExactlyOneWinnerPerKey() throws InterruptedException {
        String table = TestTables.createHashTable(clientA, "claims", ScalarAttributeType.S);
        List<String> keys = IntStream.range(0, 30).mapToObj(i -> "claim-" + i).toList();
        ConcurrentMap<String, List<Integer>> winners = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();

        List<Throwable> failures = ConcurrentWorkers.run(THREADS, WORK_TIMEOUT, worker -> {
            DynamoDbClient client = clientFor(worker);
            for (String claim : keys) {
                try {
                    client.putItem(put -> put.tableName(table)
                            .item(Map.of(TestTables.PK, s(claim), "owner", n(worker)))
                            .conditionExpression("attribute_not_exists(pk)"));
                    winners.computeIfAbsent(claim, k -> new CopyOnWriteArrayList<>()).add(worker);
                } catch (ConditionalCheckFailedException alreadyClaimed) {
                    refused.incrementAndGet();
                }
            }
        });

        assertEquals(List.of(), failures, "errors other than a failed condition");
        Map<String, List<Integer>> notExactlyOne = new TreeMap<>();
        for (String claim : keys) {
            List<Integer> claimants = winners.getOrDefault(claim, List.of());
            if (claimants.size() != 1) notExactlyOne.put(claim, claimants);
        }
        assertEquals(Map.of(), notExactlyOne, "keys without exactly one successful claim (key -> winners)");
        assertEquals(keys.size() * (THREADS - 1), refused.get(), "claims refused");
        List<String> wrongOwner = new ArrayList<>();
        for (String claim : keys) {
            DynamoDbClient reader = clientFor(winners.get(claim).get(0) + 1); // through the other node than the winner's
            Map<String, AttributeValue> stored = reader.getItem(get -> get.tableName(table)
                    .key(Map.of(TestTables.PK, s(claim))).consistentRead(true)).item();
            if (!n(winners.get(claim).get(0)).equals(stored.get("owner"))) wrongOwner.add(claim + " -> " + stored);
        }
        assertEquals(List.of(), wrongOwner, "stored claims that are not their winner's");
    }

    /** Even-numbered threads go through node A, odd ones through node B. */
    private static DynamoDbClient clientFor(int worker) {
        return worker % 2 == 0 ? clientA : clientB;
    }

    private static Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
        return Map.of(TestTables.PK, item.get(TestTables.PK));
    }
}
