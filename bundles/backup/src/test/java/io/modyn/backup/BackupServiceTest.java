package io.modyn.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.backup.BackupDescription;
import io.modyn.api.backup.BackupDetails;
import io.modyn.api.backup.BackupSummary;
import io.modyn.api.backup.CreateBackupRequest;
import io.modyn.api.backup.DeleteBackupRequest;
import io.modyn.api.backup.DescribeBackupRequest;
import io.modyn.api.backup.ListBackupsRequest;
import io.modyn.api.backup.ListBackupsResponse;
import io.modyn.api.backup.RestoreTableFromBackupRequest;
import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.DeleteTableRequest;
import io.modyn.api.dynamodb.DescribeTableRequest;
import io.modyn.api.dynamodb.PutItemRequest;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.dynamodb.ScanRequest;
import io.modyn.api.dynamodb.SecondaryIndexRequest;
import io.modyn.api.dynamodb.TableDescription;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.IndexProjection;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.engine.DynamoDbEngine;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.TableArchiveService;
import io.modyn.engine.capture.ChangeCaptureHook;
import io.modyn.engine.index.IndexMaintainer;
import io.modyn.engine.write.ItemWriter;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The backup operations over the real engine and the in-memory storage (no HTTP, no OSGi). */
@Timeout(30)
class BackupServiceTest {

    private static final RequestContext CALLER = new RequestContext("test", null);
    private static final EngineSettings SETTINGS = new EngineSettings("us-east-1", "000000000000");

    private final InMemoryStorageEngine storage = new InMemoryStorageEngine();
    private final DynamoDbEngine engine;
    private final TableArchiveService archives;
    private final BackupService backups;

    BackupServiceTest() {
        StorageBinding binding = new StorageBinding();
        binding.bind(storage);
        ChangeCaptureHook capture = new ChangeCaptureHook(binding);
        ItemWriter writer = new ItemWriter(List.of(new IndexMaintainer(10L << 30), capture));
        engine = new DynamoDbEngine(binding, SETTINGS, writer);
        archives = new TableArchiveService(binding, SETTINGS, writer);
        backups = new BackupService(storage, archives, new BackupArns("us-east-1", "000000000000"), () -> null);
        capture.bind(backups.changeCapture());
    }

    @AfterEach
    void stop() {
        archives.close();
    }

    @Test
    void aBackupOutlivesItsTableAndRestoresItemForItemWithItsIndexes() throws Exception {
        createTable("Music");
        for (int i = 0; i < 250; i++) put("Music", "artist" + (i % 7), "song" + i, "genre" + (i % 3));
        BackupDetails created = backups.createBackup(new CreateBackupRequest("Music", "nightly"), CALLER).backupDetails();
        assertEquals(BackupDetails.CREATING, created.backupStatus());
        assertTrue(created.backupArn().matches("arn:aws:dynamodb:us-east-1:000000000000:table/Music/backup/\\d{14}-[0-9a-f]{8}"),
                created.backupArn());
        put("Music", "late", "song", "genre0"); // after the backup: not restored
        engine.deleteTable(new DeleteTableRequest("Music"), CALLER);

        BackupDescription described = backups.describeBackup(new DescribeBackupRequest(created.backupArn()), CALLER).backupDescription();
        assertEquals(BackupDetails.AVAILABLE, described.backupDetails().backupStatus());
        assertEquals(250, described.sourceTableDetails().itemCount());
        assertEquals("byGenre", described.sourceTableFeatureDetails().globalSecondaryIndexes().get(0).indexName());

        TableDescription restoring = backups.restoreTableFromBackup(new RestoreTableFromBackupRequest("Music2", created.backupArn(),
                null, null, null, null, null), CALLER).tableDescription();
        assertEquals(TableDefinition.CREATING, restoring.definition().tableStatus());
        assertTrue(restoring.definition().restoreSummary().restoreInProgress());
        assertEquals(created.backupArn(), restoring.definition().restoreSummary().sourceBackupArn());
        TableDefinition restored = awaitActive("Music2");
        assertFalse(restored.restoreSummary().restoreInProgress());
        assertEquals("arn:aws:dynamodb:us-east-1:000000000000:table/Music", restored.restoreSummary().sourceTableArn());
        List<Map<String, AttributeValue>> items = scan("Music2", null);
        assertEquals(250, items.size());
        assertEquals(250, scan("Music2", "byGenre").size());
    }

    @Test
    void listingFiltersByTableTypeAndTimeAndPages() {
        createTable("A1x");
        createTable("B1x");
        Instant before = Instant.now();
        for (int i = 0; i < 5; i++) backups.createBackup(new CreateBackupRequest(i % 2 == 0 ? "A1x" : "B1x", "bk" + i), CALLER);
        ListBackupsResponse all = backups.listBackups(new ListBackupsRequest(null, null, null, null, null, null), CALLER);
        assertEquals(5, all.backupSummaries().size());
        assertNull(all.lastEvaluatedBackupArn());
        assertEquals(3, backups.listBackups(new ListBackupsRequest("A1x", null, null, null, null, "ALL"), CALLER).backupSummaries().size());
        assertEquals(0, backups.listBackups(new ListBackupsRequest(null, null, null, null, null, "SYSTEM"), CALLER).backupSummaries().size());
        assertEquals(0, backups.listBackups(new ListBackupsRequest(null, null, null, before, null, null), CALLER).backupSummaries().size());
        List<String> paged = new java.util.ArrayList<>();
        String start = null;
        do {
            ListBackupsResponse page = backups.listBackups(new ListBackupsRequest(null, 2, before, null, start, null), CALLER);
            assertTrue(page.backupSummaries().size() <= 2);
            page.backupSummaries().forEach(s -> paged.add(s.backupName()));
            start = page.lastEvaluatedBackupArn();
        } while (start != null);
        assertEquals(List.of("bk0", "bk1", "bk2", "bk3", "bk4"), paged);
        List<BackupSummary> sorted = all.backupSummaries().stream().sorted(Comparator.comparing(BackupSummary::backupCreationDateTime)).toList();
        assertEquals(sorted, all.backupSummaries());
    }

    @Test
    void errorsAreDynamoDbs() {
        DynamoException missingTable = assertThrows(DynamoException.class,
                () -> backups.createBackup(new CreateBackupRequest("Nope", "b1x"), CALLER));
        assertEquals(ErrorType.TABLE_NOT_FOUND, missingTable.type());
        assertEquals("Table not found: Nope", missingTable.getMessage());
        String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/Nope/backup/01576616366715-b4e58d3a";
        DynamoException missingBackup = assertThrows(DynamoException.class, () -> backups.describeBackup(new DescribeBackupRequest(arn), CALLER));
        assertEquals(ErrorType.BACKUP_NOT_FOUND, missingBackup.type());
        assertEquals("Backup not found: " + arn, missingBackup.getMessage());
        DynamoException invalid = assertThrows(DynamoException.class, () -> backups.createBackup(new CreateBackupRequest("T", null), CALLER));
        assertEquals("2 validation errors detected: Value 'T' at 'tableName' failed to satisfy constraint: Member must have length greater "
                + "than or equal to 3; Value null at 'backupName' failed to satisfy constraint: Member must not be null", invalid.getMessage());
        createTable("Taken");
        String backup = backups.createBackup(new CreateBackupRequest("Taken", "b1x"), CALLER).backupDetails().backupArn();
        DynamoException exists = assertThrows(DynamoException.class, () -> backups.restoreTableFromBackup(
                new RestoreTableFromBackupRequest("Taken", backup, null, null, null, null, null), CALLER));
        assertEquals(ErrorType.TABLE_ALREADY_EXISTS, exists.type());
        assertEquals("Table already exists: Taken", exists.getMessage());
        assertEquals(BackupDetails.DELETED,
                backups.deleteBackup(new DeleteBackupRequest(backup), CALLER).backupDescription().backupDetails().backupStatus());
        assertEquals(ErrorType.BACKUP_NOT_FOUND,
                assertThrows(DynamoException.class, () -> backups.deleteBackup(new DeleteBackupRequest(backup), CALLER)).type());
        assertFalse(storage.keyspaceExists("backup." + BackupArns.idOf(backup)));
    }

    @Test
    void pointInTimeRestoreTakesEachItemAsItWasThenAndDeleteTableLeavesASystemBackup() throws Exception {
        createTable("Pitr");
        put("Pitr", "a", "1", "before");
        var enabled = backups.updateContinuousBackups(new io.modyn.api.backup.UpdateContinuousBackupsRequest("Pitr", true, 7), CALLER);
        assertEquals("ENABLED", enabled.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus());
        assertEquals(7, enabled.pointInTimeRecoveryDescription().recoveryPeriodInDays());
        put("Pitr", "a", "1", "first");
        put("Pitr", "b", "1", "gone-later");
        Thread.sleep(30);
        Instant between = Instant.now();
        Thread.sleep(30);
        put("Pitr", "a", "1", "second");
        engine.deleteItem(new io.modyn.api.dynamodb.DeleteItemRequest("Pitr", Map.of("pk", AttributeValue.s("b"), "sk", AttributeValue.s("1")),
                null, null, null, null, null, null, null, null, null), CALLER);
        Thread.sleep(1100); // the latest restorable time is a second behind
        backups.restoreTableToPointInTime(new io.modyn.api.backup.RestoreTableToPointInTimeRequest(null, "Pitr", "PitrThen", null, between,
                null, null, null, null, null), CALLER);
        awaitActive("PitrThen");
        Map<String, String> then = new java.util.TreeMap<>();
        scan("PitrThen", null).forEach(i -> then.put(((AttributeValue.S) i.get("pk")).value(), ((AttributeValue.S) i.get("genre")).value()));
        assertEquals(Map.of("a", "first", "b", "gone-later"), then);

        engine.deleteTable(new DeleteTableRequest("Pitr"), CALLER);
        List<BackupSummary> system = backups.listBackups(new ListBackupsRequest("Pitr", null, null, null, null, "SYSTEM"), CALLER).backupSummaries();
        assertEquals(1, system.size());
        assertEquals("Pitr$DeletedTableBackup", system.get(0).backupName());
        assertNotNull(system.get(0).backupExpiryDateTime());
        backups.restoreTableFromBackup(new RestoreTableFromBackupRequest("PitrLast", system.get(0).backupArn(), null, null, null, null, null),
                CALLER);
        awaitActive("PitrLast");
        List<Map<String, AttributeValue>> last = scan("PitrLast", null);
        assertEquals(1, last.size());
        assertEquals(AttributeValue.s("second"), last.get(0).get("genre"));
    }

    private void createTable(String name) {
        engine.createTable(new CreateTableRequest(name,
                List.of(new AttributeDefinition("pk", "S"), new AttributeDefinition("sk", "S"), new AttributeDefinition("genre", "S")),
                List.of(new KeySchemaElement("pk", "HASH"), new KeySchemaElement("sk", "RANGE")), "PAY_PER_REQUEST", null, null,
                List.of(new SecondaryIndexRequest("byGenre", List.of(new KeySchemaElement("genre", "HASH"), new KeySchemaElement("sk", "RANGE")),
                        new IndexProjection("ALL", null), null)),
                null, null, null, null), CALLER);
    }

    private void put(String table, String pk, String sk, String genre) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.s(pk));
        item.put("sk", AttributeValue.s(sk));
        item.put("genre", AttributeValue.s(genre));
        engine.putItem(new PutItemRequest(table, item, null, null, null, null, null, null, null, null, null), CALLER);
    }

    private List<Map<String, AttributeValue>> scan(String table, String index) {
        return engine.scan(new ScanRequest(table, index, null, null, null, null, null, null, null, null, null, null, null, null, null, null),
                CALLER).items();
    }

    private TableDefinition awaitActive(String table) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            TableDefinition definition = engine.describeTable(new DescribeTableRequest(table), CALLER).table().definition();
            if (TableDefinition.ACTIVE.equals(definition.tableStatus())) return definition;
            Thread.sleep(50);
        }
        throw new AssertionError("table " + table + " never became ACTIVE");
    }
}
