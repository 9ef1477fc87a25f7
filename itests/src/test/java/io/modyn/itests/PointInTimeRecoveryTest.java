package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupTypeFilter;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsStatus;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InvalidRestoreTimeException;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryUnavailableException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;

/**
 * Point-in-time recovery through the SDK, on each storage backend: UpdateContinuousBackups and
 * DescribeContinuousBackups (the restorable window within seconds of now), a restore to a second
 * between two writes gives exactly the first, and DeleteTable of a table with recovery on leaves a
 * SYSTEM backup that restores its last state.
 */
@ExtendWith(SharedModynServer.class)
@Timeout(120)
class PointInTimeRecoveryTest {

    private static DynamoDbClient dynamo;

    @BeforeAll
    static void connect(ModynServer server) {
        dynamo = DynamoDbClients.withoutRetries(server);
    }

    @Test
    void enablingReportsAWindowEndingWithinSecondsOfNow() {
        String table = TestTables.createHashTable(dynamo, "pitr-window", ScalarAttributeType.S);
        ContinuousBackupsDescription off = dynamo.describeContinuousBackups(d -> d.tableName(table)).continuousBackupsDescription();
        assertEquals(ContinuousBackupsStatus.ENABLED, off.continuousBackupsStatus());
        assertEquals(PointInTimeRecoveryStatus.DISABLED, off.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus());
        assertNull(off.pointInTimeRecoveryDescription().earliestRestorableDateTime());

        Instant before = Instant.now().minusSeconds(1);
        PointInTimeRecoveryDescription on = dynamo.updateContinuousBackups(u -> u.tableName(table)
                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(10)))
                .continuousBackupsDescription().pointInTimeRecoveryDescription();
        assertEquals(PointInTimeRecoveryStatus.ENABLED, on.pointInTimeRecoveryStatus());
        assertEquals(10, on.recoveryPeriodInDays());
        PointInTimeRecoveryDescription described = dynamo.describeContinuousBackups(d -> d.tableName(table))
                .continuousBackupsDescription().pointInTimeRecoveryDescription();
        assertFalse(described.earliestRestorableDateTime().isBefore(before));
        assertTrue(Duration.between(described.latestRestorableDateTime(), Instant.now()).abs().getSeconds() < 10,
                described.latestRestorableDateTime().toString());

        assertEquals(PointInTimeRecoveryStatus.DISABLED, dynamo.updateContinuousBackups(u -> u.tableName(table)
                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(false))).continuousBackupsDescription()
                .pointInTimeRecoveryDescription().pointInTimeRecoveryStatus());
        assertThrows(TableNotFoundException.class, () -> dynamo.describeContinuousBackups(d -> d.tableName(TestTables.uniqueName("none"))));
        DynamoDbException tooLong = assertThrows(DynamoDbException.class, () -> dynamo.updateContinuousBackups(u -> u.tableName(table)
                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(36))));
        assertEquals("ValidationException", tooLong.awsErrorDetails().errorCode());
    }

    @Test
    void aRestoreToASecondBetweenTwoWritesHasExactlyTheFirst() throws Exception {
        String table = TestTables.createHashTable(dynamo, "pitr-between", ScalarAttributeType.S);
        put(table, "kept", "before");
        enable(table);
        put(table, "x", "first");
        put(table, "deleted-later", "here");
        Thread.sleep(1000);
        Instant between = Instant.now();
        Thread.sleep(1000);
        put(table, "x", "second");
        dynamo.deleteItem(d -> d.tableName(table).key(Map.of("pk", AttributeValue.fromS("deleted-later"))));
        put(table, "new-later", "v");
        Thread.sleep(1500); // the latest restorable time trails now by a second

        String then = TestTables.uniqueName("pitr-then");
        TableDescription restoring = dynamo.restoreTableToPointInTime(r -> r.sourceTableName(table).targetTableName(then)
                .restoreDateTime(between)).tableDescription();
        assertTrue(restoring.restoreSummary().restoreInProgress());
        assertNull(restoring.restoreSummary().sourceBackupArn());
        TableDescription restored = TestTables.awaitActive(dynamo, then);
        assertEquals(between.toEpochMilli(), restored.restoreSummary().restoreDateTime().toEpochMilli());
        assertEquals(Map.of("kept", "before", "x", "first", "deleted-later", "here"), contents(then));

        String latest = TestTables.uniqueName("pitr-latest");
        dynamo.restoreTableToPointInTime(r -> r.sourceTableArn(restored.restoreSummary().sourceTableArn()).targetTableName(latest)
                .useLatestRestorableTime(true));
        TestTables.awaitActive(dynamo, latest);
        assertEquals(Map.of("kept", "before", "x", "second", "new-later", "v"), contents(latest));

        assertThrows(InvalidRestoreTimeException.class, () -> dynamo.restoreTableToPointInTime(r -> r.sourceTableName(table)
                .targetTableName(TestTables.uniqueName("pitr-early")).restoreDateTime(Instant.now().minusSeconds(3600))));
    }

    @Test
    void deleteTableWithRecoveryOnLeavesASystemBackupThatRestores() {
        String table = TestTables.createHashTable(dynamo, "pitr-deleted", ScalarAttributeType.S);
        enable(table);
        put(table, "a", "1");
        put(table, "b", "2");
        put(table, "a", "3");
        dynamo.deleteTable(d -> d.tableName(table));
        List<BackupSummary> system = dynamo.listBackups(l -> l.tableName(table).backupType(BackupTypeFilter.SYSTEM)).backupSummaries();
        assertEquals(1, system.size());
        assertEquals(table + "$DeletedTableBackup", system.get(0).backupName());
        String restored = TestTables.uniqueName("pitr-deleted-r");
        dynamo.restoreTableFromBackup(r -> r.targetTableName(restored).backupArn(system.get(0).backupArn()));
        TestTables.awaitActive(dynamo, restored);
        assertEquals(Map.of("a", "3", "b", "2"), contents(restored));
    }

    @Test
    void aTableWithoutRecoveryCannotBeRestoredToAPointInTime() {
        String table = TestTables.createHashTable(dynamo, "pitr-off", ScalarAttributeType.S);
        assertThrows(PointInTimeRecoveryUnavailableException.class, () -> dynamo.restoreTableToPointInTime(r -> r.sourceTableName(table)
                .targetTableName(TestTables.uniqueName("pitr-off-r")).useLatestRestorableTime(true)));
    }

    private static void enable(String table) {
        dynamo.updateContinuousBackups(u -> u.tableName(table).pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
    }

    private static void put(String table, String pk, String value) {
        dynamo.putItem(p -> p.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk), "v", AttributeValue.fromS(value))));
    }

    private static Map<String, String> contents(String table) {
        Map<String, String> items = new TreeMap<>();
        dynamo.scanPaginator(s -> s.tableName(table)).items().forEach(i -> items.put(i.get("pk").s(), i.get("v").s()));
        return items;
    }
}
