package io.modyn.kms.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.crypto.KeyManagerException;
import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The sweep: keys past their deletion date are gone, due automatic rotations happen, and two
 * nodes sweeping one storage act once per key. Time is a {@link MutableClock} moved by hand.
 */
class KeyTimersTest {

    private final InMemoryStorageEngine storage = new InMemoryStorageEngine();
    private final TestRootKey root = new TestRootKey();
    private final MutableClock clock = new MutableClock();
    private final KeyService node1 = node();
    private final KeyService node2 = node();
    private final byte[] secret = "timers".getBytes(StandardCharsets.UTF_8);

    private KeyService node() {
        KeyStore store = new KeyStore(storage, root);
        store.open();
        return new KeyService(store, "us-east-1", "123456789012", clock);
    }

    @Test
    void aKeyPendingDeletionIsDeletedByTheSweepOnceItsWindowHasPassed() {
        KmsKey key = node1.create("doomed", Map.of());
        node1.createAlias("alias/doomed", key.id());
        node1.scheduleDeletion(key.id(), 7);

        clock.advance(Duration.ofDays(7).minusMinutes(1));
        assertEquals(0, node1.sweep());
        assertEquals(KeyState.PendingDeletion, node1.find(key.id()).state());

        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, node1.sweep());

        KeyManagerException gone = assertThrows(KeyManagerException.class, () -> node2.find(key.id()));
        assertEquals("NotFoundException", gone.errorType());
        assertEquals("Key 'arn:aws:kms:us-east-1:123456789012:key/" + key.id() + "' does not exist", gone.getMessage());
        assertTrue(node1.aliases(null).isEmpty(), "its aliases go with it");
        assertEquals(0, records("versions/" + key.id()), "and every version of its material");
        assertEquals(0, records("keys"));
    }

    @Test
    void aCancelledDeletionIsNotCarriedOut() {
        KmsKey key = node1.create("kept", Map.of());
        node1.scheduleDeletion(key.id(), 7);
        node1.cancelDeletion(key.id());

        clock.advance(Duration.ofDays(31));
        assertEquals(0, node1.sweep());
        assertEquals(KeyState.Disabled, node1.find(key.id()).state());
    }

    @Test
    void automaticRotationHappensAtItsPeriodAndOldCiphertextsStillOpen() {
        KmsKey key = node1.create("rotating", Map.of());
        byte[] before = node1.encrypt(key.id(), secret, Map.of()).ciphertextBlob();
        node1.enableRotation(key.id(), 90);

        clock.advance(Duration.ofDays(89));
        assertEquals(0, node1.sweep());
        assertEquals(1, node1.find(key.id()).currentVersion());

        clock.advance(Duration.ofDays(1));
        assertEquals(1, node1.sweep());
        KmsKey rotated = node1.find(key.id());
        assertEquals(2, rotated.currentVersion());
        assertEquals("AUTOMATIC", rotated.rotations().get(0).type());
        assertEquals(clock.millis() + Duration.ofDays(90).toMillis(), rotated.nextRotationEpochMillis());
        assertEquals(0, node1.sweep(), "not due again until another period has passed");

        assertArrayEquals(secret, node2.decrypt(before, Map.of(), null).plaintext());
    }

    @Test
    void aDisabledKeyIsNotRotatedOnSchedule() {
        KmsKey key = node1.create("", Map.of());
        node1.enableRotation(key.id(), 90);
        node1.disable(key.id());

        clock.advance(Duration.ofDays(100));
        assertEquals(0, node1.sweep());
        assertEquals(1, node1.find(key.id()).currentVersion());
    }

    @Test
    void twoNodesSweepingTogetherDeleteAndRotateEachKeyOnce() throws Exception {
        for (int round = 0; round < 20; round++) {
            KmsKey doomed = node1.create("", Map.of());
            node1.scheduleDeletion(doomed.id(), 7);
            KmsKey rotating = node1.create("", Map.of());
            node1.enableRotation(rotating.id(), 90);
            clock.advance(Duration.ofDays(91));

            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Callable<Integer> sweep1 = () -> {
                    start.await();
                    return node1.sweep();
                };
                Callable<Integer> sweep2 = () -> {
                    start.await();
                    return node2.sweep();
                };
                Future<Integer> first = threads.submit(sweep1);
                Future<Integer> second = threads.submit(sweep2);
                assertEquals(2, first.get() + second.get(), "one deletion and one rotation, whichever node did them");
            } finally {
                threads.shutdownNow();
            }
            assertEquals(2, node1.find(rotating.id()).currentVersion(), "rotated exactly once");
            assertThrows(KeyManagerException.class, () -> node2.find(doomed.id()));
            node1.disableRotation(rotating.id()); // out of the next round's count
        }
    }

    private int records(String partition) {
        int count = 0;
        try (RecordCursor cursor = storage.query(KeyStore.KEYSPACE, partition.getBytes(StandardCharsets.UTF_8), KeyRange.all(), false)) {
            while (cursor.hasNext()) {
                cursor.next();
                count++;
            }
        }
        return count;
    }
}
