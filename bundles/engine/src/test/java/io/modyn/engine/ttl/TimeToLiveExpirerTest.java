package io.modyn.engine.ttl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.DeleteTableRequest;
import io.modyn.api.dynamodb.GetItemRequest;
import io.modyn.api.dynamodb.PutItemRequest;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.dynamodb.TimeToLiveSpecification;
import io.modyn.api.dynamodb.UpdateTimeToLiveRequest;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageRecord;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.engine.DynamoDbEngine;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.catalog.TableCatalog;
import io.modyn.engine.write.ChangeHook;
import io.modyn.engine.write.ChangeOrigin;
import io.modyn.engine.write.ItemChange;
import io.modyn.engine.write.ItemWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The background expirer over the in-memory storage, with a clock the test sets. */
class TimeToLiveExpirerTest {

    private static final RequestContext CONTEXT = new RequestContext("test", null);
    private static final long NOW = 1_700_000_000L;
    private static final ExpirySettings FAST = new ExpirySettings(Duration.ofMillis(20), 100_000);

    private final SettableClock clock = new SettableClock(NOW);
    private final List<ItemChange> changes = new CopyOnWriteArrayList<>();
    private StorageBinding storage;
    private ItemWriter writer;
    private DynamoDbEngine engine;
    private TimeToLiveExpirer expirer;

    @BeforeEach
    void createTableWithTtl() {
        storage = new StorageBinding();
        storage.bind(new InMemoryStorageEngine());
        writer = new ItemWriter(List.of(new RecordingHook()));
        engine = new DynamoDbEngine(storage, new EngineSettings("us-east-1", "000000000000"), writer);
        expirer = new TimeToLiveExpirer(storage, writer, FAST, clock);
        engine.createTable(new CreateTableRequest("sessions", List.of(new AttributeDefinition("id", "S")),
                List.of(new KeySchemaElement("id", "HASH")), "PAY_PER_REQUEST", null), CONTEXT);
        engine.updateTimeToLive(new UpdateTimeToLiveRequest("sessions", new TimeToLiveSpecification(true, "expires")), CONTEXT);
    }

    @AfterEach
    void stopExpirer() {
        expirer.stop();
    }

    @Test
    void aPassDeletesExpiredItemsOnly() throws InterruptedException {
        put("past", AttributeValue.n(String.valueOf(NOW - 60)));
        put("fraction", AttributeValue.n(NOW - 1 + ".5"));
        put("future", AttributeValue.n(String.valueOf(NOW + 60)));
        put("string", AttributeValue.s(String.valueOf(NOW - 60)));
        put("ancient", AttributeValue.n("162777600"));
        put("none", null);

        expirer.runPass();

        assertNull(get("past"));
        assertNull(get("fraction"));
        assertNotNull(get("future"));
        assertNotNull(get("string"));
        assertNotNull(get("ancient"));
        assertNotNull(get("none"));
    }

    @Test
    void anExpiredItemIsStillReadUntilItsPassComes() throws InterruptedException {
        put("soon", AttributeValue.n(String.valueOf(NOW + 10)));
        expirer.runPass();
        clock.set(NOW + 20);
        assertNotNull(get("soon"));
        expirer.runPass();
        assertNull(get("soon"));
    }

    @Test
    void expiryIsADeletionByTheServiceThroughTheItemWriter() throws InterruptedException {
        put("past", AttributeValue.n(String.valueOf(NOW - 60)));
        changes.clear();
        expirer.runPass();
        assertEquals(1, changes.size());
        ItemChange change = changes.get(0);
        assertEquals(ChangeOrigin.TIME_TO_LIVE, change.origin());
        assertEquals(AttributeValue.s("past"), change.oldItem().get("id"));
        assertNull(change.newItem());
        assertEquals(Map.of("id", AttributeValue.s("past")), change.key().attributes());
    }

    @Test
    void anItemRewrittenAfterTheScanSawItIsNotDeleted() {
        put("renewed", AttributeValue.n(String.valueOf(NOW - 60)));
        StorageRecord seenByScan = onlyRecord();
        put("renewed", AttributeValue.n(String.valueOf(NOW + 3600)));

        TableDefinition table = storage.require().catalog().find("sessions");
        boolean deleted = new ExpiredItemDeletion(writer).deleteIfStillExpired(storage.require(), table, "expires", seenByScan,
                BigDecimal.valueOf(NOW));

        assertFalse(deleted);
        assertEquals(AttributeValue.n(String.valueOf(NOW + 3600)), get("renewed").get("expires"));
    }

    @Test
    void anItemDeletedAfterTheScanSawItIsLeftAlone() {
        put("gone", AttributeValue.n(String.valueOf(NOW - 60)));
        StorageRecord seenByScan = onlyRecord();
        TableDefinition table = storage.require().catalog().find("sessions");
        try (StorageTransaction tx = storage.require().storage().begin()) {
            tx.delete(TableCatalog.dataKeyspace(table), seenByScan.partition(), seenByScan.sort());
            tx.commit();
        }
        changes.clear();
        assertFalse(new ExpiredItemDeletion(writer).deleteIfStillExpired(storage.require(), table, "expires", seenByScan,
                BigDecimal.valueOf(NOW)));
        assertTrue(changes.isEmpty());
    }

    @Test
    void nothingExpiresWhileTtlIsDisabled() throws InterruptedException {
        put("past", AttributeValue.n(String.valueOf(NOW - 60)));
        engine.updateTimeToLive(new UpdateTimeToLiveRequest("sessions", new TimeToLiveSpecification(false, "expires")), CONTEXT);
        expirer.runPass();
        assertNotNull(get("past"));
    }

    @Test
    void aPassWithoutStorageOrTablesDoesNothing() throws InterruptedException {
        new TimeToLiveExpirer(new StorageBinding(), writer, FAST, clock).runPass();
        engine.deleteTable(new DeleteTableRequest("sessions"), CONTEXT);
        expirer.runPass();
    }

    @Test
    void theStartedExpirerDeletesInTheBackground() throws InterruptedException {
        put("past", AttributeValue.n(String.valueOf(NOW - 60)));
        put("future", AttributeValue.n(String.valueOf(NOW + 60)));
        expirer.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (get("past") != null && System.nanoTime() < deadline) Thread.sleep(10);
        expirer.stop();
        assertNull(get("past"));
        assertNotNull(get("future"));
    }

    @Test
    void startAndStopMayBeRepeated() {
        expirer.start();
        expirer.start();
        expirer.stop();
        expirer.stop();
        expirer.start();
        expirer.stop();
    }

    private void put(String id, AttributeValue expires) {
        Map<String, AttributeValue> item = expires == null ? Map.of("id", AttributeValue.s(id)) : Map.of("id", AttributeValue.s(id), "expires", expires);
        engine.putItem(new PutItemRequest("sessions", item, null, null, null, null, null, null, null, null, null), CONTEXT);
    }

    private Map<String, AttributeValue> get(String id) {
        return engine.getItem(new GetItemRequest("sessions", Map.of("id", AttributeValue.s(id)), true, null, null, null, null), CONTEXT).item();
    }

    private StorageRecord onlyRecord() {
        TableDefinition table = storage.require().catalog().find("sessions");
        try (RecordCursor cursor = storage.require().storage().scan(TableCatalog.dataKeyspace(table), 0, 1, null)) {
            return cursor.next();
        }
    }

    /** Records every change written, as a stream or index hook would see it. */
    private final class RecordingHook implements ChangeHook {
        @Override
        public boolean needsOldItem(TableDefinition table) {
            return true;
        }

        @Override
        public void apply(StorageTransaction transaction, ItemChange change) {
            changes.add(change);
        }
    }

    /** A clock that stands still until the test moves it. */
    private static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(long epochSeconds) {
            set(epochSeconds);
        }

        void set(long epochSeconds) {
            now = Instant.ofEpochSecond(epochSeconds);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
