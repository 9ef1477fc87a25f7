package io.modyn.engine.transaction;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageException;
import io.modyn.api.storage.StorageRecord;
import io.modyn.api.storage.StorageTransaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * ClientRequestToken idempotency for TransactWriteItems, kept in the storage keyspace
 * {@value #KEYSPACE} so that it holds across every node sharing the storage.
 *
 * <p>A token's record (the request's fingerprint and when it committed) is written in the same
 * storage transaction as the writes it guards, so it exists exactly when they committed. It is
 * read with a locking read before any item is locked, so a retry racing the first request, on this
 * node or another, waits for it and then finds it done. Locking the token first and items after
 * keeps the one global lock order (see {@link ItemRef#LOCK_ORDER}). A cancelled transaction records
 * nothing: its retry runs again, as a new request would.
 *
 * <p>A token is valid for ten minutes after its transaction completed; an expired record counts as
 * absent and is overwritten. Each node sweeps expired records at most once a minute, after a
 * transaction that carried a token, so the keyspace holds about ten minutes of tokens.
 */
public final class ClientRequestTokens {

    public static final String KEYSPACE = "modyn.transactions";

    static final long VALIDITY_MILLIS = 10 * 60 * 1000L;
    private static final long SWEEP_INTERVAL_MILLIS = 60 * 1000L;
    private static final int DELETES_PER_TRANSACTION = 100;
    private static final byte FORMAT = 1;
    private static final byte[] NO_SORT = new byte[0];
    private static final Logger LOG = Logger.getLogger(ClientRequestTokens.class.getName());

    /** A request's token and the fingerprint of its parameters. */
    public record Claim(String token, byte[] fingerprint) {
    }

    private record TokenRecord(long completedAt, byte[] fingerprint) {
    }

    private final Clock clock;
    private final AtomicLong nextSweep = new AtomicLong();
    private volatile StorageEngine prepared;

    public ClientRequestTokens(Clock clock) {
        this.clock = clock;
    }

    /** Creates the keyspace on a backend the first time it is used (backends can be swapped at run time). */
    void prepare(StorageEngine storage) {
        if (prepared != storage) {
            storage.createKeyspace(KEYSPACE);
            prepared = storage;
        }
    }

    /**
     * Whether a transaction with this token committed within the last ten minutes; the token stays
     * locked until {@code tx} ends.
     *
     * @throws DynamoException IdempotentParameterMismatchException when it did, with other parameters
     */
    boolean alreadyApplied(StorageTransaction tx, Claim claim) {
        byte[] stored = tx.getForUpdate(KEYSPACE, key(claim.token()), NO_SORT);
        if (stored == null) return false;
        TokenRecord record = decode(stored);
        if (expired(record, clock.millis())) return false;
        if (!MessageDigest.isEqual(record.fingerprint(), claim.fingerprint())) {
            // DynamoDB's exact wording is not documented; this names the cause the documentation gives.
            throw new DynamoException(ErrorType.IDEMPOTENT_PARAMETER_MISMATCH,
                    "The request uses the same client token as a previous, but non-identical request");
        }
        return true;
    }

    /** Records the token in {@code tx}, to commit with the transaction's writes. */
    void record(StorageTransaction tx, Claim claim) {
        tx.put(KEYSPACE, key(claim.token()), NO_SORT, encode(new TokenRecord(clock.millis(), claim.fingerprint())));
    }

    /**
     * Deletes expired tokens, at most once a minute per node. Called after a request has completed:
     * a failure here (a conflict with a racing sweep on another node, storage going away) is logged
     * and left to the next sweep, never reported to the client whose request succeeded.
     */
    public void sweepExpired(StorageEngine storage) {
        long now = clock.millis();
        long due = nextSweep.get();
        if (now < due || !nextSweep.compareAndSet(due, now + SWEEP_INTERVAL_MILLIS)) return;
        try {
            List<byte[]> expired = new ArrayList<>();
            try (RecordCursor cursor = storage.scan(KEYSPACE, 0, 1, null)) {
                while (cursor.hasNext()) {
                    StorageRecord record = cursor.next();
                    if (expired(decode(record.value()), now)) expired.add(record.partition());
                }
            }
            for (int from = 0; from < expired.size(); from += DELETES_PER_TRANSACTION) {
                delete(storage, expired.subList(from, Math.min(expired.size(), from + DELETES_PER_TRANSACTION)), now);
            }
        } catch (StorageException e) {
            LOG.log(Level.FINE, "Sweeping expired client request tokens failed; the next sweep retries", e);
        }
    }

    private static void delete(StorageEngine storage, List<byte[]> tokens, long now) {
        try (StorageTransaction tx = storage.begin()) {
            for (byte[] token : tokens) {
                byte[] current = tx.getForUpdate(KEYSPACE, token, NO_SORT);
                // Re-read under the lock: the token may have been used again since the scan.
                if (current != null && expired(decode(current), now)) tx.delete(KEYSPACE, token, NO_SORT);
            }
            tx.commit();
        }
    }

    private static boolean expired(TokenRecord record, long now) {
        return now - record.completedAt() >= VALIDITY_MILLIS;
    }

    private static byte[] key(String token) {
        return token.getBytes(StandardCharsets.UTF_8);
    }

    /** format(1 byte) completedAt(8 bytes, epoch millis) fingerprint(rest). */
    private static byte[] encode(TokenRecord record) {
        return ByteBuffer.allocate(1 + 8 + record.fingerprint().length).put(FORMAT).putLong(record.completedAt()).put(record.fingerprint()).array();
    }

    private static TokenRecord decode(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte format = buffer.get();
        if (format != FORMAT) throw new IllegalStateException("unknown client request token format " + format);
        long completedAt = buffer.getLong();
        byte[] fingerprint = new byte[buffer.remaining()];
        buffer.get(fingerprint);
        return new TokenRecord(completedAt, fingerprint);
    }
}
