package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupDescription;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;
import software.amazon.awssdk.services.dynamodb.model.BackupNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupTypeFilter;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableAlreadyExistsException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * On-demand backups through the SDK, on each storage backend: a backup outlives DeleteTable and
 * restores item for item, with its global and local indexes answering queries; a backup taken
 * while transactions write is of one instant; ListBackups filters and pages; DescribeBackup's
 * details; DynamoDB's errors. Messages are DynamoDB's ("Table not found: T", "Backup not found:
 * ARN", "Table already exists: T").
 */
@ExtendWith(SharedModynServer.class)
@Timeout(120)
class BackupsTest {

    private static DynamoDbClient dynamo;

    @BeforeAll
    static void connect(ModynServer server) {
        dynamo = DynamoDbClients.withoutRetries(server);
    }

    @Test
    void aBackupOutlivesDeleteTableAndRestoresItemForItemWithItsIndexes() {
        String table = createIndexedTable("bk-full");
        List<Map<String, AttributeValue>> written = new ArrayList<>();
        for (int i = 0; i < 120; i++) written.add(put(table, "artist" + (i % 9), "song" + i, "genre" + (i % 4), i % 30));
        BackupDetails created = dynamo.createBackup(b -> b.tableName(table).backupName("nightly")).backupDetails();
        assertTrue(created.backupArn().matches("arn:aws:dynamodb:[a-z0-9-]+:\\d{12}:table/" + table + "/backup/\\d{14}-[0-9a-f]{8}"),
                created.backupArn());
        assertEquals("nightly", created.backupName());
        put(table, "late", "song", "genre0", 1); // after the backup
        dynamo.deleteTable(d -> d.tableName(table));

        String restoredName = TestTables.uniqueName("bk-restored");
        TableDescription restoring = dynamo.restoreTableFromBackup(r -> r.targetTableName(restoredName).backupArn(created.backupArn()))
                .tableDescription();
        assertEquals(TableStatus.CREATING, restoring.tableStatus());
        assertTrue(restoring.restoreSummary().restoreInProgress());
        assertEquals(created.backupArn(), restoring.restoreSummary().sourceBackupArn());
        TableDescription restored = TestTables.awaitActive(dynamo, restoredName);
        assertFalse(restored.restoreSummary().restoreInProgress());
        assertTrue(restored.restoreSummary().sourceTableArn().endsWith(":table/" + table));
        assertEquals(created.backupCreationDateTime(), restored.restoreSummary().restoreDateTime());

        Comparator<Map<String, AttributeValue>> byKey = Comparator.comparing((Map<String, AttributeValue> i) -> i.get("pk").s())
                .thenComparing(i -> i.get("sk").s());
        List<Map<String, AttributeValue>> expected = written.stream().sorted(byKey).toList();
        List<Map<String, AttributeValue>> actual = new ArrayList<>(dynamo.scanPaginator(s -> s.tableName(restoredName)).items().stream().toList());
        actual.sort(byKey);
        assertEquals(expected, actual);

        List<Map<String, AttributeValue>> genre2 = dynamo.queryPaginator(q -> q.tableName(restoredName).indexName("byGenre")
                .keyConditionExpression("genre = :g").expressionAttributeValues(Map.of(":g", AttributeValue.fromS("genre2")))).items()
                .stream().toList();
        assertEquals(written.stream().filter(i -> i.get("genre").s().equals("genre2")).count(), genre2.size());
        List<Map<String, AttributeValue>> artist3Recent = dynamo.queryPaginator(q -> q.tableName(restoredName).indexName("byYear")
                .keyConditionExpression("pk = :p AND #y >= :y").expressionAttributeNames(Map.of("#y", "year"))
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("artist3"), ":y", AttributeValue.fromN("20")))).items()
                .stream().toList();
        assertEquals(written.stream().filter(i -> i.get("pk").s().equals("artist3") && Integer.parseInt(i.get("year").n()) >= 20).count(),
                artist3Recent.size());
        assertTrue(artist3Recent.size() > 0);
    }

    @Test
    void aBackupTakenWhileTransactionsWriteHoldsEachTransactionWholeOrNotAtAll() throws Exception {
        String table = TestTables.createHashTable(dynamo, "bk-consistent", ScalarAttributeType.S);
        AtomicBoolean stop = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger committed = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        List<String> backups = new ArrayList<>();
        try {
            Future<?> writes = writer.submit(() -> {
                int n = 0;
                while (!stop.get()) {
                    n++;
                    String value = Integer.toString(n);
                    dynamo.transactWriteItems(t -> t.transactItems(
                            item -> item.put(p -> p.tableName(table).item(Map.of("pk", AttributeValue.fromS("a"), "n", AttributeValue.fromN(value)))),
                            item -> item.put(p -> p.tableName(table).item(Map.of("pk", AttributeValue.fromS("b"), "n", AttributeValue.fromN(value))))));
                    committed.incrementAndGet();
                }
                return null;
            });
            for (int i = 0; i < 3; i++) {
                // Each backup is taken while the writer is known to be running: after it committed more.
                int seen = committed.get();
                Instant deadline = Instant.now().plusSeconds(30);
                while (committed.get() < seen + 2 && Instant.now().isBefore(deadline) && !writes.isDone()) Thread.sleep(5);
                backups.add(dynamo.createBackup(b -> b.tableName(table).backupName("during")).backupDetails().backupArn());
            }
            stop.set(true);
            writes.get();
            assertTrue(committed.get() >= 6, "transactions committed: " + committed.get());
        } finally {
            stop.set(true);
            writer.shutdownNow();
        }
        for (String backup : backups) {
            String restored = TestTables.uniqueName("bk-consistent-r");
            dynamo.restoreTableFromBackup(r -> r.targetTableName(restored).backupArn(backup));
            TestTables.awaitActive(dynamo, restored);
            Map<String, AttributeValue> a = dynamo.getItem(g -> g.tableName(restored).key(Map.of("pk", AttributeValue.fromS("a")))).item();
            Map<String, AttributeValue> b = dynamo.getItem(g -> g.tableName(restored).key(Map.of("pk", AttributeValue.fromS("b")))).item();
            assertEquals(a.isEmpty(), b.isEmpty(), backup);
            if (!a.isEmpty()) assertEquals(a.get("n"), b.get("n"), "a transaction split by backup " + backup);
        }
    }

    @Test
    void listBackupsFiltersByTableTypeAndTimeAndPagesByArn() {
        String first = TestTables.createHashTable(dynamo, "bk-list-a", ScalarAttributeType.S);
        String second = TestTables.createHashTable(dynamo, "bk-list-b", ScalarAttributeType.S);
        Instant before = Instant.now().minusSeconds(1);
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String table = i % 2 == 0 ? first : second;
            int n = i;
            arns.add(dynamo.createBackup(b -> b.tableName(table).backupName("bk" + n)).backupDetails().backupArn());
        }
        List<BackupSummary> ofFirst = dynamo.listBackups(l -> l.tableName(first)).backupSummaries();
        assertEquals(List.of(arns.get(0), arns.get(2), arns.get(4)), ofFirst.stream().map(BackupSummary::backupArn).toList());
        assertEquals(first, ofFirst.get(0).tableName());
        assertEquals(BackupStatus.AVAILABLE, ofFirst.get(0).backupStatus());
        assertEquals(3, dynamo.listBackups(l -> l.tableName(first).backupType(BackupTypeFilter.ALL)).backupSummaries().size());
        assertEquals(0, dynamo.listBackups(l -> l.tableName(first).backupType(BackupTypeFilter.SYSTEM)).backupSummaries().size());
        assertEquals(0, dynamo.listBackups(l -> l.tableName(first).timeRangeUpperBound(before)).backupSummaries().size());
        assertEquals(3, dynamo.listBackups(l -> l.tableName(first).timeRangeLowerBound(before)).backupSummaries().size());

        List<String> paged = new ArrayList<>();
        String start = null;
        int pages = 0;
        do {
            String from = start;
            ListBackupsResponse page = dynamo.listBackups(l -> l.timeRangeLowerBound(before).limit(2).exclusiveStartBackupArn(from));
            page.backupSummaries().stream().filter(s -> s.tableName().equals(first) || s.tableName().equals(second))
                    .forEach(s -> paged.add(s.backupArn()));
            assertTrue(page.backupSummaries().size() <= 2);
            start = page.lastEvaluatedBackupArn();
            pages++;
        } while (start != null && pages < 100);
        assertEquals(arns, paged);
    }

    @Test
    void describeBackupReportsTheSourceTableAsItWas() {
        String table = createIndexedTable("bk-describe");
        put(table, "a", "s", "g", 1);
        String arn = dynamo.createBackup(b -> b.tableName(table).backupName("described")).backupDetails().backupArn();
        BackupDescription description = dynamo.describeBackup(d -> d.backupArn(arn)).backupDescription();
        assertEquals(BackupStatus.AVAILABLE, description.backupDetails().backupStatus());
        assertEquals("USER", description.backupDetails().backupTypeAsString());
        assertEquals(table, description.sourceTableDetails().tableName());
        assertEquals(1, description.sourceTableDetails().itemCount());
        assertEquals(BillingMode.PAY_PER_REQUEST, description.sourceTableDetails().billingMode());
        assertEquals("pk", description.sourceTableDetails().keySchema().get(0).attributeName());
        assertEquals("byGenre", description.sourceTableFeatureDetails().globalSecondaryIndexes().get(0).indexName());
        assertEquals("byYear", description.sourceTableFeatureDetails().localSecondaryIndexes().get(0).indexName());
        assertNotNull(description.sourceTableDetails().tableCreationDateTime());

        assertEquals(BackupStatus.DELETED, dynamo.deleteBackup(d -> d.backupArn(arn)).backupDescription().backupDetails().backupStatus());
        BackupNotFoundException gone = assertThrows(BackupNotFoundException.class, () -> dynamo.describeBackup(d -> d.backupArn(arn)));
        assertEquals("Backup not found: " + arn, gone.awsErrorDetails().errorMessage());
    }

    @Test
    void errorsAreDynamoDbs() {
        String missing = TestTables.uniqueName("bk-missing");
        TableNotFoundException noTable = assertThrows(TableNotFoundException.class,
                () -> dynamo.createBackup(b -> b.tableName(missing).backupName("x1x")));
        assertEquals("Table not found: " + missing, noTable.awsErrorDetails().errorMessage());

        String table = TestTables.createHashTable(dynamo, "bk-errors", ScalarAttributeType.S);
        String arn = dynamo.createBackup(b -> b.tableName(table).backupName("bk1")).backupDetails().backupArn();
        TableAlreadyExistsException exists = assertThrows(TableAlreadyExistsException.class,
                () -> dynamo.restoreTableFromBackup(r -> r.targetTableName(table).backupArn(arn)));
        assertEquals("Table already exists: " + table, exists.awsErrorDetails().errorMessage());
        assertThrows(BackupNotFoundException.class, () -> dynamo.restoreTableFromBackup(r -> r.targetTableName(TestTables.uniqueName("x"))
                .backupArn(arn.substring(0, arn.length() - 8) + "00000000")));
    }

    @Test
    void overridesDropIndexesAndChangeTheBillingMode() {
        String table = createIndexedTable("bk-override");
        put(table, "a", "s", "g", 1);
        String arn = dynamo.createBackup(b -> b.tableName(table).backupName("bk1")).backupDetails().backupArn();
        String restoredName = TestTables.uniqueName("bk-override-r");
        dynamo.restoreTableFromBackup(r -> r.targetTableName(restoredName).backupArn(arn).globalSecondaryIndexOverride(List.of())
                .billingModeOverride(BillingMode.PROVISIONED).provisionedThroughputOverride(p -> p.readCapacityUnits(3L).writeCapacityUnits(4L)));
        TableDescription restored = TestTables.awaitActive(dynamo, restoredName);
        assertTrue(restored.globalSecondaryIndexes().isEmpty());
        assertEquals(1, restored.localSecondaryIndexes().size());
        assertEquals(4L, restored.provisionedThroughput().writeCapacityUnits());
        assertEquals(1, dynamo.scan(s -> s.tableName(restoredName)).count());
    }

    private static String createIndexedTable(String purpose) {
        String name = TestTables.uniqueName(purpose);
        dynamo.createTable(t -> t.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(TestTables.definition("pk", ScalarAttributeType.S), TestTables.definition("sk", ScalarAttributeType.S),
                        TestTables.definition("genre", ScalarAttributeType.S), TestTables.definition("year", ScalarAttributeType.N))
                .keySchema(TestTables.key("pk", KeyType.HASH), TestTables.key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName("byGenre").keySchema(TestTables.key("genre", KeyType.HASH), TestTables.key("sk", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .localSecondaryIndexes(l -> l.indexName("byYear").keySchema(TestTables.key("pk", KeyType.HASH), TestTables.key("year", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
        TestTables.awaitActive(dynamo, name);
        return name;
    }

    private static Map<String, AttributeValue> put(String table, String pk, String sk, String genre, int year) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(pk));
        item.put("sk", AttributeValue.fromS(sk));
        item.put("genre", AttributeValue.fromS(genre));
        item.put("year", AttributeValue.fromN(Integer.toString(year)));
        item.put("payload", AttributeValue.fromM(Map.of("list", AttributeValue.fromL(List.of(AttributeValue.fromS("x"), AttributeValue.fromBool(true))), "n", AttributeValue.fromN("1.5"))));
        dynamo.putItem(p -> p.tableName(table).item(item));
        return item;
    }
}
