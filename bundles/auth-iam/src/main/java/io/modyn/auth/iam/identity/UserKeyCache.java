package io.modyn.auth.iam.identity;

import io.modyn.api.auth.Principal;
import io.modyn.auth.iam.credentials.Credential;
import io.modyn.auth.iam.credentials.CredentialLookup;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * IAM users' access keys as the authentication path sees them: each key id is read from the
 * store at most once per {@code maxAge} (at most a second), so a key deactivated, deleted or
 * created on any node applies on every node within that time, while a busy key costs one storage
 * read per period. An inactive or unknown key is no credential, and the verifier then refuses it
 * as AWS refuses an unknown one. The secret is opened once per read and stays inside the
 * {@link Credential}.
 *
 * <p>It also answers a user's unique id from its ARN (STS GetCallerIdentity's {@code UserId}),
 * since the {@link Principal} carries no user id, and records keys' last use, at most once a
 * minute per key.
 */
public final class UserKeyCache implements CredentialLookup {

    private static final Logger LOG = Logger.getLogger(UserKeyCache.class.getName());
    /** Beyond this many cached ids (unknown ones included) the cache starts afresh. */
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Credential credential, AccessKey key, long loadedAtNanos) {
    }

    private record UserIdEntry(String userId, long loadedAtNanos) {
    }

    private final IdentityStore store;
    private final String accountId;
    private final String region;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> keys = new ConcurrentHashMap<>();
    private final Map<String, UserIdEntry> userIds = new ConcurrentHashMap<>();
    private final Map<String, Long> lastRecordedNanos = new ConcurrentHashMap<>();

    public UserKeyCache(IdentityStore store, String accountId, String region, Duration maxAge, LongSupplier nanoTime) {
        this.store = store;
        this.accountId = accountId;
        this.region = region;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public Credential find(String accessKeyId) {
        long now = nanoTime.getAsLong();
        Entry entry = keys.get(accessKeyId);
        if (entry == null || now - entry.loadedAtNanos() >= maxAgeNanos) {
            entry = load(accessKeyId, now);
            if (keys.size() >= MAX_ENTRIES) keys.clear();
            keys.put(accessKeyId, entry);
        }
        return entry.credential();
    }

    private Entry load(String accessKeyId, long now) {
        Optional<StoredAccessKey> stored = store.findStoredKey(accessKeyId);
        if (stored.isEmpty() || !stored.get().key().active()) {
            return new Entry(null, stored.map(StoredAccessKey::key).orElse(null), now);
        }
        AccessKey key = stored.get().key();
        Optional<IamUser> user = store.findUser(key.userName());
        if (user.isEmpty()) {
            return new Entry(null, key, now);
        }
        Principal principal = new Principal(accountId, user.get().arn(accountId), accessKeyId, user.get().userId());
        String secret;
        try {
            secret = store.openSecret(stored.get());
        } catch (IllegalStateException e) {
            // A wrong iam-secret.key on this node, or a tampered record: the key cannot sign here.
            LOG.warning(e.getMessage());
            return new Entry(null, key, now);
        }
        return new Entry(new Credential(accessKeyId, secret, principal), key, now);
    }

    /**
     * The unique id ({@code AIDA...}) of the user this ARN names, or null if it names no current user
     * of this account.
     */
    public String userId(String arn) {
        long now = nanoTime.getAsLong();
        UserIdEntry entry = userIds.get(arn);
        if (entry == null || now - entry.loadedAtNanos() >= maxAgeNanos) {
            String prefix = "arn:aws:iam::" + accountId + ":user/";
            String userId = null;
            if (arn.startsWith(prefix)) {
                String name = arn.substring(arn.lastIndexOf('/') + 1);
                userId = store.findUser(name).filter(user -> user.arn(accountId).equals(arn)).map(IamUser::userId).orElse(null);
            }
            entry = new UserIdEntry(userId, now);
            if (userIds.size() >= MAX_ENTRIES) userIds.clear();
            userIds.put(arn, entry);
        }
        return entry.userId();
    }

    /**
     * Notes that a user's key signed a request for {@code service}: written to the store unless
     * this node wrote it, or the store holds a use, less than a minute ago. A failure to write is
     * logged and never fails the request.
     */
    public void used(String accessKeyId, Supplier<String> service) {
        long now = nanoTime.getAsLong();
        Long recorded = lastRecordedNanos.get(accessKeyId);
        if (recorded != null && now - recorded < IdentityStore.LAST_USED_RESOLUTION.toNanos()) return;
        lastRecordedNanos.put(accessKeyId, now);
        if (lastRecordedNanos.size() > MAX_ENTRIES) lastRecordedNanos.clear();
        try {
            store.recordUse(accessKeyId, service.get(), region);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not record the last use of access key " + accessKeyId, e);
        }
    }
}
