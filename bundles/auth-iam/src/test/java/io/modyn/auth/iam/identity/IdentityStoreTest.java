package io.modyn.auth.iam.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.auth.iam.identity.IdentityException.Reason;
import io.modyn.auth.iam.identity.IdentityStore.NewAccessKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityStoreTest {

    static final Instant START = Instant.parse("2026-03-01T10:00:00.250Z");

    private final InMemoryStorageEngine engine = new InMemoryStorageEngine();
    private final IdentityStorage storage = new IdentityStorage();
    private final MutableClock clock = new MutableClock(START);
    private final IdentityStore store = new IdentityStore(storage, new SecretSealer(SecretSealerTest.key((byte) 7), new SecureRandom()),
            new SecureRandom(), clock);

    IdentityStoreTest() {
        storage.bind(engine);
    }

    @Test
    void aCreatedUserHasAnAidaIdAnArnWithItsPathAndItsTags() {
        IamUser user = store.createUser("Alice", "/engineering/", Map.of("team", "db"));
        assertTrue(user.userId().matches("AIDA[A-Z0-9]{16}"), user.userId());
        assertEquals("arn:aws:iam::123456789012:user/engineering/Alice", user.arn("123456789012"));
        assertEquals(Instant.parse("2026-03-01T10:00:00Z"), user.createDate());
        assertEquals(user, store.user("Alice"));
        assertEquals(Map.of("team", "db"), store.user("alice").tags());
    }

    @Test
    void noKeyspaceYetMeansNoUsersAndNothingIsCreatedByReading() {
        assertEquals(List.of(), store.users());
        assertTrue(store.findUser("alice").isEmpty());
        assertFalse(engine.keyspaceExists(IdentityStore.KEYSPACE));
    }

    @Test
    void aNameIsTakenRegardlessOfCase() {
        store.createUser("alice", "/", Map.of());
        IdentityException error = assertThrows(IdentityException.class, () -> store.createUser("ALICE", "/", Map.of()));
        assertEquals(Reason.ALREADY_EXISTS, error.reason());
        assertEquals("User with name ALICE already exists.", error.getMessage());
    }

    @Test
    void concurrentCreatesOfOneUserMakeExactlyOne() throws Exception {
        List<String> outcomes = concurrently(8, i -> {
            store.createUser(i % 2 == 0 ? "alice" : "ALICE", "/", Map.of());
            return "created";
        });
        assertEquals(1, outcomes.stream().filter("created"::equals).count(), outcomes.toString());
        assertEquals(7, outcomes.stream().filter("ALREADY_EXISTS"::equals).count(), outcomes.toString());
        assertEquals(1, store.users().size());
    }

    @Test
    void concurrentKeyCreationsNeverGiveAUserMoreThanTwoKeys() throws Exception {
        store.createUser("alice", "/", Map.of());
        List<String> outcomes = concurrently(6, i -> {
            store.createAccessKey("alice");
            return "created";
        });
        assertEquals(2, outcomes.stream().filter("created"::equals).count(), outcomes.toString());
        assertEquals(4, outcomes.stream().filter("LIMIT_EXCEEDED"::equals).count(), outcomes.toString());
        assertEquals(2, store.accessKeys("alice").size());
    }

    /** Runs the task on {@code threads} threads released together; each outcome is its result or the refusal's reason. */
    private static List<String> concurrently(int threads, java.util.function.IntFunction<String> task) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<String>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return task.apply(index);
                    } catch (IdentityException e) {
                        return e.reason().name();
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<String> future : futures) outcomes.add(future.get(30, java.util.concurrent.TimeUnit.SECONDS));
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnknownUserIsNoSuchEntity() {
        IdentityException error = assertThrows(IdentityException.class, () -> store.user("nobody"));
        assertEquals(Reason.NO_SUCH_ENTITY, error.reason());
        assertEquals("The user with name nobody cannot be found.", error.getMessage());
    }

    @Test
    void usersAreListedByNameRegardlessOfCase() {
        store.createUser("carol", "/", Map.of());
        store.createUser("Bob", "/", Map.of());
        store.createUser("alice", "/", Map.of());
        assertEquals(List.of("alice", "Bob", "carol"), store.users().stream().map(IamUser::name).toList());
    }

    @Test
    void aUserHasAtMostTwoAccessKeys() {
        store.createUser("alice", "/", Map.of());
        NewAccessKey first = store.createAccessKey("alice");
        store.createAccessKey("alice");
        IdentityException error = assertThrows(IdentityException.class, () -> store.createAccessKey("alice"));
        assertEquals(Reason.LIMIT_EXCEEDED, error.reason());
        assertEquals("Cannot exceed quota for AccessKeysPerUser: 2", error.getMessage());
        assertTrue(first.key().accessKeyId().matches("AKIA[A-Z0-9]{16}"));
        assertEquals(40, first.secretAccessKey().length());
        assertEquals(2, store.accessKeys("alice").size());
    }

    @Test
    void aUserWithKeysCannotBeDeletedUntilTheyAre() {
        store.createUser("alice", "/", Map.of());
        String keyId = store.createAccessKey("alice").key().accessKeyId();
        IdentityException error = assertThrows(IdentityException.class, () -> store.deleteUser("alice"));
        assertEquals(Reason.DELETE_CONFLICT, error.reason());
        assertEquals("Cannot delete entity, must delete access keys first.", error.getMessage());
        store.deleteAccessKey("alice", keyId);
        store.deleteUser("alice");
        assertTrue(store.findUser("alice").isEmpty());
        assertTrue(store.findAccessKey(keyId).isEmpty());
    }

    @Test
    void aKeyIsChangedOnlyThroughItsOwnUser() {
        store.createUser("alice", "/", Map.of());
        store.createUser("bob", "/", Map.of());
        String keyId = store.createAccessKey("alice").key().accessKeyId();
        IdentityException error = assertThrows(IdentityException.class, () -> store.updateAccessKey("bob", keyId, false));
        assertEquals("The Access Key with id " + keyId + " cannot be found.", error.getMessage());
        store.updateAccessKey("alice", keyId, false);
        assertFalse(store.findAccessKey(keyId).orElseThrow().active());
    }

    @Test
    void theStoredRecordsHoldTheSecretOnlySealed() {
        store.createUser("alice", "/", Map.of());
        NewAccessKey created = store.createAccessKey("alice");
        byte[] secret = created.secretAccessKey().getBytes(StandardCharsets.UTF_8);
        int records = 0;
        try (RecordCursor cursor = engine.scan(IdentityStore.KEYSPACE, 0, 1, null)) {
            while (cursor.hasNext()) {
                byte[] value = cursor.next().value();
                records++;
                assertFalse(new String(value, StandardCharsets.ISO_8859_1).contains(new String(secret, StandardCharsets.ISO_8859_1)));
            }
        }
        assertEquals(2, records);
        StoredAccessKey stored = store.findStoredKey(created.key().accessKeyId()).orElseThrow();
        assertEquals(created.secretAccessKey(), store.openSecret(stored));
    }

    @Test
    void renamingAUserMovesItsKeysAndTheirSecretsStillOpen() {
        store.createUser("alice", "/", Map.of());
        NewAccessKey created = store.createAccessKey("alice");
        IamUser renamed = store.updateUser("alice", "alicia", "/staff/");
        assertEquals("arn:aws:iam::123456789012:user/staff/alicia", renamed.arn("123456789012"));
        assertTrue(store.findUser("alice").isEmpty());
        StoredAccessKey stored = store.findStoredKey(created.key().accessKeyId()).orElseThrow();
        assertEquals("alicia", stored.key().userName());
        assertEquals(created.secretAccessKey(), store.openSecret(stored));
        assertEquals(List.of(created.key().accessKeyId()), store.user("alicia").accessKeyIds());
    }

    @Test
    void renamingOntoAnExistingUserIsRefused() {
        store.createUser("alice", "/", Map.of());
        store.createUser("bob", "/", Map.of());
        IdentityException error = assertThrows(IdentityException.class, () -> store.updateUser("alice", "Bob", null));
        assertEquals("User with name Bob already exists.", error.getMessage());
    }

    @Test
    void tagsAreAddedReplacedAndRemoved() {
        store.createUser("alice", "/", Map.of("a", "1"));
        store.tagUser("alice", Map.of("a", "2", "b", "3"), 50);
        assertEquals(Map.of("a", "2", "b", "3"), store.user("alice").tags());
        store.untagUser("alice", List.of("a", "missing"));
        assertEquals(Map.of("b", "3"), store.user("alice").tags());
    }

    @Test
    void lastUseIsWrittenAtMostOnceAMinute() {
        store.createUser("alice", "/", Map.of());
        String keyId = store.createAccessKey("alice").key().accessKeyId();
        assertNull(store.findAccessKey(keyId).orElseThrow().lastUsedDate());
        store.recordUse(keyId, "dynamodb", "us-east-1");
        AccessKey used = store.findAccessKey(keyId).orElseThrow();
        assertEquals(Instant.parse("2026-03-01T10:00:00Z"), used.lastUsedDate());
        assertEquals("dynamodb", used.lastUsedService());
        clock.advance(Duration.ofSeconds(30));
        store.recordUse(keyId, "sts", "us-east-1");
        assertEquals("dynamodb", store.findAccessKey(keyId).orElseThrow().lastUsedService());
        clock.advance(Duration.ofSeconds(31));
        store.recordUse(keyId, "sts", "us-east-1");
        assertEquals("sts", store.findAccessKey(keyId).orElseThrow().lastUsedService());
    }

    @Test
    void withoutStorageIdentityOperationsAreRetryable() {
        storage.unbind(engine);
        DynamoException error = assertThrows(DynamoException.class, () -> store.createUser("alice", "/", Map.of()));
        assertEquals(ErrorType.SERVICE_UNAVAILABLE, error.type());
    }

    @Test
    void aRecordSurvivesItsEncoding() {
        IamUser user = new IamUser("ü-name", "/p/", "AIDA0123456789ABCDEF", Instant.ofEpochMilli(1234), Map.of("k", "v"),
                List.of("AKIA0000000000000001"));
        assertEquals(user, IdentityRecords.user(IdentityRecords.user(user)));
        AccessKey key = new AccessKey("AKIA0000000000000001", "ü-name", false, Instant.ofEpochMilli(5), null, null, null);
        StoredAccessKey decoded = IdentityRecords.accessKey(IdentityRecords.accessKey(new StoredAccessKey(key, new byte[] {1, 2, 3})));
        assertEquals(key, decoded.key());
        assertNotNull(decoded.sealedSecret());
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
