package io.modyn.auth.iam.identity;

import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageRecord;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.auth.iam.credentials.AccessKeyGenerator;
import io.modyn.auth.iam.credentials.Credential;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * STS sessions (temporary credentials) in the system keyspace {@value IdentityStore#KEYSPACE},
 * partition {@code session}, sort key the access key id ({@code ASIA...}), so that a session
 * issued on one node of a shared database signs requests on every node. The secret is sealed by
 * {@link SecretSealer} (bound to the session's ARN and key id); of the session token only its
 * SHA-256 is stored: the token has 768 random bits, so the hash cannot be reversed and a reader of
 * the database cannot use a session.
 *
 * <p>Nothing deletes a session on purpose; expired ones are purged lazily, {@link #PURGE_AFTER}
 * after they expired (until then their key still answers "expired" rather than "invalid", as AWS's
 * do): when a lookup finds one, and when a new session is written, which also looks at the next
 * {@value #PURGE_SCAN} records after its own random key id. So the partition holds roughly the
 * sessions of the last {@link #PURGE_AFTER} plus the live ones, without a background task.
 */
public final class SessionStore {

    /** How long after its expiration a session may still be found (and refused as expired). */
    public static final Duration PURGE_AFTER = Duration.ofDays(1);
    static final int PURGE_SCAN = 16;
    /** Random bytes of a session token (base64: 128 characters). */
    private static final int TOKEN_BYTES = 96;
    private static final byte[] SESSIONS = "session".getBytes(StandardCharsets.US_ASCII);
    private static final Logger LOG = Logger.getLogger(SessionStore.class.getName());

    private final SecretSealer sealer;
    private final AccessKeyGenerator generator;
    private final SecureRandom random;
    private final Clock clock;
    private final IdentityKeyspace keyspace;

    public SessionStore(IdentityStorage storage, SecretSealer sealer, SecureRandom random, Clock clock) {
        this.keyspace = new IdentityKeyspace(storage, random, clock);
        this.sealer = sealer;
        this.generator = new AccessKeyGenerator(random);
        this.random = random;
        this.clock = clock;
    }

    /** What a new session is granted: everything of a {@link Session} but its key, times and secrets. */
    public record Grant(Session.Kind kind, String accountId, String arn, String userId, String sourceName, String sourceArn,
                        Duration duration, String policy, List<String> policyArns, Map<String, String> tags,
                        List<String> transitiveTagKeys, String sourceIdentity) {
    }

    /** A new session with its secret and token in clear: the only time either is ever returned. */
    public record NewSession(Session session, String secretAccessKey, String sessionToken) {
        @Override
        public String toString() {
            return "NewSession[" + session.accessKeyId() + " of " + session.arn() + "]";
        }
    }

    public NewSession create(Grant grant) {
        Instant issued = now();
        String secret = generator.newSecretAccessKey();
        String token = newToken();
        StorageEngine engine = keyspace.writable();
        Session session;
        try (StorageTransaction tx = engine.begin()) {
            String keyId;
            do {
                keyId = generator.newTemporaryAccessKeyId();
            } while (tx.getForUpdate(IdentityStore.KEYSPACE, SESSIONS, key(keyId)) != null);
            session = new Session(keyId, grant.kind(), grant.accountId(), grant.arn(), grant.userId(), grant.sourceName(),
                    grant.sourceArn(), issued, issued.plus(grant.duration()), grant.policy(), grant.policyArns(), grant.tags(),
                    grant.transitiveTagKeys(), grant.sourceIdentity());
            StoredSession stored = new StoredSession(session, Credential.sessionTokenHash(token), sealer.seal(secret, session.arn(), keyId));
            tx.put(IdentityStore.KEYSPACE, SESSIONS, key(keyId), SessionRecords.session(stored));
            tx.commit();
        }
        purgeAfter(engine, session.accessKeyId(), issued);
        return new NewSession(session, secret, token);
    }

    /** The session with this key id, expired ones included until they are purged. */
    public Optional<Session> find(String accessKeyId) {
        return findStored(accessKeyId).map(StoredSession::session);
    }

    Optional<StoredSession> findStored(String accessKeyId) {
        StorageEngine engine = keyspace.readable();
        if (engine == null) return Optional.empty();
        byte[] bytes = engine.get(IdentityStore.KEYSPACE, SESSIONS, key(accessKeyId));
        if (bytes == null) return Optional.empty();
        StoredSession stored = SessionRecords.session(bytes);
        if (purgeable(stored.session(), now())) {
            purge(engine, List.of(key(accessKeyId)), now());
            return Optional.empty();
        }
        return Optional.of(stored);
    }

    String openSecret(StoredSession stored) {
        return sealer.open(stored.sealedSecret(), stored.session().arn(), stored.session().accessKeyId());
    }

    /** Deletes the purgeable sessions among the {@value #PURGE_SCAN} after {@code accessKeyId}; never fails the caller. */
    private void purgeAfter(StorageEngine engine, String accessKeyId, Instant now) {
        try {
            List<byte[]> purgeable = new ArrayList<>();
            try (RecordCursor cursor = engine.query(IdentityStore.KEYSPACE, SESSIONS, KeyRange.all().after(key(accessKeyId)), false)) {
                for (int i = 0; i < PURGE_SCAN && cursor.hasNext(); i++) {
                    StorageRecord record = cursor.next();
                    if (purgeable(SessionRecords.session(record.value()).session(), now)) purgeable.add(record.sort());
                }
            }
            purge(engine, purgeable, now);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not purge expired sessions", e);
        }
    }

    private static void purge(StorageEngine engine, List<byte[]> keys, Instant now) {
        if (keys.isEmpty()) return;
        try (StorageTransaction tx = engine.begin()) {
            for (byte[] sort : keys) {
                byte[] current = tx.getForUpdate(IdentityStore.KEYSPACE, SESSIONS, sort);
                if (current != null && purgeable(SessionRecords.session(current).session(), now)) {
                    tx.delete(IdentityStore.KEYSPACE, SESSIONS, sort);
                }
            }
            tx.commit();
        }
    }

    private static boolean purgeable(Session session, Instant now) {
        return !now.isBefore(session.expiration().plus(PURGE_AFTER));
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }



    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static byte[] key(String accessKeyId) {
        return accessKeyId.getBytes(StandardCharsets.UTF_8);
    }
}
