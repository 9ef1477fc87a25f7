package io.modyn.engine.stream;

import static io.modyn.engine.stream.StreamsFixture.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.extension.StreamListener;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.streams.ChangeRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Delivery of committed changes to in-process stream listeners. */
class ListenerWorkerTest {

    private final StreamsFixture fixture = new StreamsFixture();

    /** Remembers what it was told, as "table:id:event". */
    private static final class Recording implements StreamListener {
        final List<String> heard = new ArrayList<>();

        @Override
        public void onChange(String tableName, ChangeRecord record) {
            heard.add(tableName + ":" + ((AttributeValue.S) record.dynamodb().keys().get("id")).value() + ":" + record.eventName());
        }
    }

    @Test
    void deliversEachCommittedChangeOnceInOrderToTheTablesListenedTo() {
        fixture.createTable("orders", "NEW_IMAGE");
        fixture.createTable("audit", "KEYS_ONLY");
        Recording listener = new Recording();
        ListenerWorker worker = worker(listener, Map.of(StreamListener.TABLE_NAME, "orders"));
        worker.deliverPending(); // the listener is there before the changes

        fixture.put("orders", item("id", "a"));
        fixture.put("audit", item("id", "x"));
        fixture.delete("orders", "a");
        worker.deliverPending();
        worker.deliverPending();

        assertEquals(List.of("orders:a:INSERT", "orders:a:REMOVE"), listener.heard);
    }

    @Test
    void aListenerWithoutTablePropertyHearsEveryTable() {
        fixture.createTable("orders", "NEW_IMAGE");
        fixture.createTable("audit", "KEYS_ONLY");
        Recording listener = new Recording();
        ListenerWorker worker = worker(listener, Map.of());
        worker.deliverPending();
        fixture.put("orders", item("id", "a"));
        fixture.put("audit", item("id", "x"));
        worker.deliverPending();
        assertEquals(List.of("audit:x:INSERT", "orders:a:INSERT"), listener.heard);
    }

    @Test
    void deliveryResumesAfterARestartWithoutRepeating() {
        fixture.createTable("orders", "NEW_IMAGE");
        Recording before = new Recording();
        Map<String, Object> properties = Map.of("component.name", "audit-trigger");
        worker(before, properties).deliverPending();
        fixture.put("orders", item("id", "a"));
        worker(before, properties).deliverPending();

        fixture.put("orders", item("id", "b")); // committed while "the server is down"
        Recording after = new Recording();
        worker(after, properties).deliverPending();

        assertEquals(List.of("orders:a:INSERT"), before.heard);
        assertEquals(List.of("orders:b:INSERT"), after.heard);
    }

    @Test
    void aNewListenerHearsChangesFromWhenItFirstRan() {
        fixture.createTable("orders", "NEW_IMAGE");
        fixture.put("orders", item("id", "before"));
        fixture.clock.advance(Duration.ofMillis(1));
        Recording listener = new Recording();
        ListenerWorker worker = worker(listener, Map.of());
        worker.deliverPending();
        fixture.put("orders", item("id", "after"));
        fixture.createTable("later", "KEYS_ONLY");
        fixture.put("later", item("id", "first"));
        worker.deliverPending();
        assertEquals(List.of("later:first:INSERT", "orders:after:INSERT"), listener.heard);
    }

    @Test
    void aRecordTheListenerFailsOnIsDeliveredAgain() {
        fixture.createTable("orders", "NEW_IMAGE");
        List<String> heard = new ArrayList<>();
        boolean[] failNext = {true};
        StreamListener flaky = (table, record) -> {
            String id = ((AttributeValue.S) record.dynamodb().keys().get("id")).value();
            if (id.equals("b") && failNext[0]) {
                failNext[0] = false;
                throw new IllegalStateException("downstream unavailable");
            }
            heard.add(id);
        };
        ListenerWorker worker = worker(flaky, Map.of());
        worker.deliverPending();
        for (String id : List.of("a", "b", "c")) fixture.put("orders", item("id", id));
        assertFalse(worker.deliverPending());
        assertEquals(List.of("a"), heard);
        worker.deliverPending();
        assertEquals(List.of("a", "b", "c"), heard);
    }

    @Test
    void aFullBatchTellsThatMoreIsPending() {
        fixture.createTable("orders", "KEYS_ONLY");
        Recording listener = new Recording();
        ListenerWorker worker = worker(listener, Map.of());
        worker.deliverPending();
        for (int i = 0; i < 150; i++) fixture.put("orders", item("id", "k" + i));
        assertTrue(worker.deliverPending());
        assertFalse(worker.deliverPending());
        assertEquals(150, listener.heard.size());
    }

    @Test
    void startedStreamsDeliverFromTheirOwnThread() throws InterruptedException {
        fixture.createTable("orders", "NEW_IMAGE");
        CountDownLatch delivered = new CountDownLatch(2);
        List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        StreamListener listener = (table, record) -> {
            threads.add(Thread.currentThread().getName());
            delivered.countDown();
        };
        StreamListeners listeners = new StreamListeners();
        listeners.add(listener, Map.of("component.name", "latch"));
        fixture.streams.start(listeners);
        try {
            fixture.put("orders", item("id", "a"));
            fixture.put("orders", item("id", "b"));
            assertTrue(delivered.await(30, TimeUnit.SECONDS));
            assertEquals(List.of("modyn-stream-listener-latch", "modyn-stream-listener-latch"), threads);
        } finally {
            fixture.streams.stop();
        }
    }

    private ListenerWorker worker(StreamListener listener, Map<String, ?> properties) {
        return new ListenerWorker(RegisteredListener.of(listener, properties), fixture.storage, new StreamKeyspaces(), StreamsFixture.SETTINGS,
                fixture.clock);
    }
}
