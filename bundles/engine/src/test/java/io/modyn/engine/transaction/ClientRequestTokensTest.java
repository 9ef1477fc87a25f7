package io.modyn.engine.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientRequestTokensTest {

    private static final long MINUTE = 60_000;

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        long millis = 1_000_000;

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return Instant.ofEpochMilli(millis); }
    }

    private final ManualClock clock = new ManualClock();
    private final InMemoryStorageEngine storage = new InMemoryStorageEngine();
    private final ClientRequestTokens tokens = new ClientRequestTokens(clock);

    @BeforeEach
    void prepare() {
        tokens.prepare(storage);
    }

    @Test
    void aTokenCountsOnlyOnceItsTransactionCommitted() {
        ClientRequestTokens.Claim claim = claim("t", 1);
        try (StorageTransaction tx = storage.begin()) {
            assertFalse(tokens.alreadyApplied(tx, claim));
            tokens.record(tx, claim);
        }
        assertFalse(applied(claim), "rolled back with its transaction");
        record(claim);
        assertTrue(applied(claim));
    }

    @Test
    void theSameTokenWithAnotherFingerprintIsAMismatch() {
        record(claim("t", 1));
        DynamoException e = assertThrows(DynamoException.class, () -> applied(claim("t", 2)));
        assertEquals(ErrorType.IDEMPOTENT_PARAMETER_MISMATCH, e.type());
    }

    @Test
    void aTokenExpiresTenMinutesAfterItsTransactionCompleted() {
        record(claim("t", 1));
        clock.millis += 10 * MINUTE - 1;
        assertTrue(applied(claim("t", 1)));
        clock.millis += 1;
        assertFalse(applied(claim("t", 1)));
        assertFalse(applied(claim("t", 2)), "an expired token may be reused for another request");
    }

    @Test
    void sweepDeletesOnlyExpiredTokens() {
        record(claim("old", 1));
        clock.millis += 9 * MINUTE;
        record(claim("recent", 1));
        clock.millis += 2 * MINUTE;

        tokens.sweepExpired(storage);

        assertEquals(List.of("recent"), storedTokens());
    }

    private ClientRequestTokens.Claim claim(String token, int fingerprint) {
        return new ClientRequestTokens.Claim(token, new byte[] {(byte) fingerprint});
    }

    private boolean applied(ClientRequestTokens.Claim claim) {
        try (StorageTransaction tx = storage.begin()) {
            return tokens.alreadyApplied(tx, claim);
        }
    }

    private void record(ClientRequestTokens.Claim claim) {
        try (StorageTransaction tx = storage.begin()) {
            tokens.record(tx, claim);
            tx.commit();
        }
    }

    private List<String> storedTokens() {
        List<String> names = new ArrayList<>();
        try (RecordCursor cursor = storage.scan(ClientRequestTokens.KEYSPACE, 0, 1, null)) {
            cursor.forEachRemaining(r -> names.add(new String(r.partition(), StandardCharsets.UTF_8)));
        }
        return names;
    }
}
