package io.modyn.auth.iam.identity;

import io.modyn.api.auth.Principal;
import io.modyn.auth.iam.credentials.AccessKeyGenerator;
import io.modyn.auth.iam.credentials.Credential;
import io.modyn.auth.iam.credentials.CredentialLookup;
import io.modyn.auth.iam.policy.MalformedPolicyException;
import io.modyn.auth.iam.policy.PolicyDocument;
import io.modyn.auth.iam.policy.PolicyKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Temporary credentials as the authentication and authorization paths see them. A session never
 * changes once written, so a found one stays cached (its expiration is checked by the verifier on
 * every request); a key id not found is asked again after {@code maxAge}, as {@link UserKeyCache}
 * does, though a session is written before its key id is ever handed out. The secret is opened and
 * the inline session policy parsed once per load. Only {@code ASIA...} ids are looked up.
 */
public final class SessionCache implements CredentialLookup {

    private static final Logger LOG = Logger.getLogger(SessionCache.class.getName());
    private static final int MAX_ENTRIES = 10_000;
    /** Stands for an inline policy that no longer parses: it must narrow the session to nothing, not lift the limit. */
    private static final String DENY_ALL = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

    private record Entry(Credential credential, SessionInfo info, long loadedAtNanos) {
    }

    private final SessionStore store;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public SessionCache(SessionStore store, Duration maxAge, LongSupplier nanoTime) {
        this.store = store;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The temporary credential with this key id (expired ones too: the verifier refuses those), or null. */
    @Override
    public Credential find(String accessKeyId) {
        Entry entry = entry(accessKeyId);
        return entry == null ? null : entry.credential();
    }

    /** The session a temporary key id belongs to, for authorization; empty for other keys or unknown ids. */
    public Optional<SessionInfo> findSession(String accessKeyId) {
        Entry entry = entry(accessKeyId);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.info());
    }

    private Entry entry(String accessKeyId) {
        if (accessKeyId == null || !AccessKeyGenerator.isTemporary(accessKeyId)) return null;
        long now = nanoTime.getAsLong();
        Entry entry = entries.get(accessKeyId);
        if (entry == null || (entry.credential() == null && now - entry.loadedAtNanos() >= maxAgeNanos)) {
            entry = load(accessKeyId, now);
            if (entries.size() >= MAX_ENTRIES) entries.clear();
            entries.put(accessKeyId, entry);
        }
        return entry;
    }

    private Entry load(String accessKeyId, long now) {
        Optional<StoredSession> found = store.findStored(accessKeyId);
        if (found.isEmpty()) return new Entry(null, null, now);
        StoredSession stored = found.get();
        Session session = stored.session();
        String secret;
        try {
            secret = store.openSecret(stored);
        } catch (IllegalStateException e) {
            LOG.warning(e.getMessage());
            return new Entry(null, null, now);
        }
        Principal principal = new Principal(session.accountId(), session.arn(), accessKeyId, session.userId());
        Credential credential = new Credential(accessKeyId, secret, principal, stored.sessionTokenHash(), session.expiration());
        return new Entry(credential, new SessionInfo(session, policies(session)), now);
    }

    private static List<PolicyDocument> policies(Session session) {
        if (session.policy() == null) return List.of();
        try {
            return List.of(PolicyDocument.parse(session.policy(), PolicyKind.IDENTITY));
        } catch (MalformedPolicyException e) {
            LOG.warning("The session policy of " + session.accessKeyId() + " no longer parses (" + e.getMessage() + "); it denies everything");
            return List.of(PolicyDocument.parse(DENY_ALL, PolicyKind.IDENTITY));
        }
    }
}
