package io.modyn.auth.iam.authorization;

import io.modyn.auth.iam.policy.Decision;
import io.modyn.auth.iam.policy.PolicyDocument;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Decisions already taken, per caller instance, principal, action, resource and resource policy
 * instance; only for policy sets whose decisions depend on nothing else
 * ({@link io.modyn.auth.iam.policy.PolicySet#isRequestDependent()} false: no conditions, no policy
 * variables), so the request's condition keys cannot change them.
 *
 * <p>Why a cached allow cannot outlive a policy change: the {@link Caller} and the parsed resource
 * policy are keys by identity, and their sources hand out new instances when a policy changes, so
 * the old entries are simply never found again. Entries also expire after {@code maxAgeNanos} (one
 * second), so the cache never adds to a source's own staleness more than that, and it is cleared
 * whenever it reaches {@code maxEntries}, which bounds its memory whatever the callers do: clearing
 * costs a few re-evaluations of about a microsecond each.
 */
final class DecisionCache {

    record Key(Caller caller, String principalArn, String action, String resource, PolicyDocument resourcePolicy) {
    }

    private record Entry(Decision decision, long expiresAt) {
    }

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;

    DecisionCache(int maxEntries, long maxAgeNanos, LongSupplier nanoTime) {
        this.maxEntries = maxEntries;
        this.maxAgeNanos = maxAgeNanos;
        this.nanoTime = nanoTime;
    }

    /** @return the cached decision, or null when there is none or it expired */
    Decision get(Key key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (nanoTime.getAsLong() - entry.expiresAt >= 0) {
            entries.remove(key, entry);
            return null;
        }
        return entry.decision;
    }

    void put(Key key, Decision decision) {
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry(decision, nanoTime.getAsLong() + maxAgeNanos));
    }

    int size() {
        return entries.size();
    }
}
