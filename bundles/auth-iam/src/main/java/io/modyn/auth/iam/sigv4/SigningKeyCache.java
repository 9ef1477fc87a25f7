package io.modyn.auth.iam.sigv4;

import io.modyn.auth.iam.credentials.Credential;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Derived signing keys by access key, date, region and service. Deriving one costs four HMACs;
 * a client signs thousands of requests a day with the same one. The cache is bounded: past its
 * size it starts over, which costs one derivation per active key and never grows memory.
 *
 * <p>An entry remembers the credential it was derived from, so a key id whose secret changed (the
 * root credentials replaced at a restart, a key re-created) never meets a stale signing key.
 */
final class SigningKeyCache {

    static final int DEFAULT_MAX_ENTRIES = 4096;

    private record Scope(String accessKeyId, String date, String region, String service) {
    }

    private record Entry(Credential credential, byte[] signingKey) {
    }

    private final ConcurrentMap<Scope, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;

    SigningKeyCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    byte[] signingKey(Credential credential, String date, String region, String service) {
        Scope scope = new Scope(credential.accessKeyId(), date, region, service);
        Entry entry = entries.get(scope);
        if (entry == null || entry.credential() != credential) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entry = new Entry(credential, credential.signingKey(date, region, service));
            entries.put(scope, entry);
        }
        return entry.signingKey();
    }

    int size() {
        return entries.size();
    }
}
