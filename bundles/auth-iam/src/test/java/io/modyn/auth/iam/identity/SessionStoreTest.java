package io.modyn.auth.iam.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.RecordCursor;
import io.modyn.auth.iam.credentials.Credential;
import io.modyn.auth.iam.identity.SessionStore.Grant;
import io.modyn.auth.iam.identity.SessionStore.NewSession;
import io.modyn.auth.iam.testing.MutableClock;
import io.modyn.storage.file.FileStorageEngine;
import io.modyn.storage.file.FileStorageOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STS sessions on the embedded file engine: written whole, read back on another store instance, secrets never in clear, purged lazily. */
class SessionStoreTest {

    static final Instant START = Instant.parse("2026-03-01T10:00:00.250Z");
    static final String ROLE_SESSION_ARN = "arn:aws:sts::123456789012:assumed-role/reader/alice-laptop";

    @TempDir
    Path data;

    private FileStorageEngine engine;
    private final IdentityStorage storage = new IdentityStorage();
    private final MutableClock clock = new MutableClock(START);
    private final SecretSealer sealer = new SecretSealer(SecretSealerTest.key((byte) 7), new SecureRandom());
    private SessionStore store;

    private void open() {
        engine = FileStorageEngine.open(FileStorageOptions.defaults(data));
        storage.bind(engine);
        store = new SessionStore(storage, sealer, new SecureRandom(), clock);
    }

    @AfterEach
    void close() {
        if (engine != null) engine.close();
    }

    static Grant roleGrant(Duration duration) {
        return new Grant(Session.Kind.ASSUMED_ROLE, "123456789012", ROLE_SESSION_ARN, "AROAREADER0000000000:alice-laptop", "reader",
                "arn:aws:iam::123456789012:role/readers/reader", duration,
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}]}",
                List.of("arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess"), Map.of("team", "db", "cost", "42"), List.of("team"), "alice");
    }

    @Test
    void aSessionIsReadBackWholeAfterARestart() {
        open();
        NewSession created = store.create(roleGrant(Duration.ofHours(1)));
        Session session = created.session();
        assertTrue(session.accessKeyId().matches("ASIA[A-Z0-9]{16}"), session.accessKeyId());
        assertEquals(40, created.secretAccessKey().length());
        assertTrue(created.sessionToken().length() >= 100, created.sessionToken());
        assertEquals(Instant.parse("2026-03-01T10:00:00Z"), session.issued());
        assertEquals(Instant.parse("2026-03-01T11:00:00Z"), session.expiration());

        engine.close();
        open();
        StoredSession stored = store.findStored(session.accessKeyId()).orElseThrow();
        assertEquals(session, stored.session());
        assertEquals(created.secretAccessKey(), store.openSecret(stored));
        assertArrayEquals(Credential.sessionTokenHash(created.sessionToken()), stored.sessionTokenHash());
        assertEquals(Optional.of(session), store.find(session.accessKeyId()));
    }

    @Test
    void neitherTheSecretNorTheTokenIsStoredInClear() {
        open();
        NewSession created = store.create(roleGrant(Duration.ofHours(1)));
        List<String> records = new ArrayList<>();
        try (RecordCursor cursor = engine.query(IdentityStore.KEYSPACE, "session".getBytes(StandardCharsets.US_ASCII), KeyRange.all(), false)) {
            cursor.forEachRemaining(r -> records.add(new String(r.value(), StandardCharsets.ISO_8859_1)));
        }
        assertEquals(1, records.size());
        assertTrue(records.get(0).contains(ROLE_SESSION_ARN));
        assertFalse(records.get(0).contains(created.secretAccessKey()));
        assertFalse(records.get(0).contains(created.sessionToken()));
    }

    @Test
    void eachSessionHasItsOwnKeySecretAndToken() {
        open();
        NewSession a = store.create(roleGrant(Duration.ofHours(1)));
        NewSession b = store.create(roleGrant(Duration.ofHours(1)));
        assertNotEquals(a.session().accessKeyId(), b.session().accessKeyId());
        assertNotEquals(a.secretAccessKey(), b.secretAccessKey());
        assertNotEquals(a.sessionToken(), b.sessionToken());
    }

    @Test
    void anUnknownKeyOrNoKeyspaceYetFindsNothing() {
        open();
        assertEquals(Optional.empty(), store.find("ASIAUNKNOWN000000000"));
        assertFalse(engine.keyspaceExists(IdentityStore.KEYSPACE));
    }

    @Test
    void anExpiredSessionIsStillFoundForADayThenPurgedWhenLookedUp() {
        open();
        String id = store.create(roleGrant(Duration.ofMinutes(15))).session().accessKeyId();
        clock.advance(Duration.ofMinutes(16));
        Session expired = store.find(id).orElseThrow();
        assertTrue(expired.isExpiredAt(clock.instant()));
        clock.advance(SessionStore.PURGE_AFTER);
        assertEquals(Optional.empty(), store.find(id));
        assertNull(engine.get(IdentityStore.KEYSPACE, "session".getBytes(StandardCharsets.US_ASCII), id.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void creatingSessionsPurgesLongExpiredOnesWithoutLookingThemUp() {
        open();
        List<String> old = new ArrayList<>();
        for (int i = 0; i < 40; i++) old.add(store.create(roleGrant(Duration.ofMinutes(15))).session().accessKeyId());
        clock.advance(SessionStore.PURGE_AFTER.plusHours(1));
        for (int i = 0; i < 40; i++) store.create(roleGrant(Duration.ofHours(1)));
        int remaining = 0;
        byte[] partition = "session".getBytes(StandardCharsets.US_ASCII);
        for (String id : old) {
            if (engine.get(IdentityStore.KEYSPACE, partition, id.getBytes(StandardCharsets.UTF_8)) != null) remaining++;
        }
        // Each new session scans the 16 records after its own random id: 40 of them leave few of the 40 old ones.
        assertTrue(remaining < 20, remaining + " of 40 expired sessions remain");
    }
}
