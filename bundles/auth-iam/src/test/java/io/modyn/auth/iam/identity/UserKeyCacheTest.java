package io.modyn.auth.iam.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.auth.iam.credentials.Credential;
import io.modyn.auth.iam.identity.IdentityStore.NewAccessKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The authentication path's view of users' keys: what it finds, and when a change reaches it. */
class UserKeyCacheTest {

    private final IdentityStorage storage = new IdentityStorage();
    private final IdentityStore store = new IdentityStore(storage, new SecretSealer(SecretSealerTest.key((byte) 3), new SecureRandom()),
            new SecureRandom(), new IdentityStoreTest.MutableClock(IdentityStoreTest.START));
    private final AtomicLong nanos = new AtomicLong();
    private final UserKeyCache cache = new UserKeyCache(store, "123456789012", "us-east-1", Duration.ofMillis(500), nanos::get);

    UserKeyCacheTest() {
        storage.bind(new InMemoryStorageEngine());
    }

    @Test
    void anActiveKeyIsTheUsersCredentialWithItsSecret() {
        store.createUser("alice", "/dev/", Map.of());
        NewAccessKey created = store.createAccessKey("alice");
        Credential credential = cache.find(created.key().accessKeyId());
        assertNotNull(credential);
        assertEquals("arn:aws:iam::123456789012:user/dev/alice", credential.principal().arn());
        assertEquals("123456789012", credential.principal().accountId());
        assertEquals(created.key().accessKeyId(), credential.principal().accessKeyId());
        Credential expected = new Credential(created.key().accessKeyId(), created.secretAccessKey(), credential.principal());
        assertEquals(java.util.HexFormat.of().formatHex(expected.signingKey("20260301", "us-east-1", "dynamodb")),
                java.util.HexFormat.of().formatHex(credential.signingKey("20260301", "us-east-1", "dynamodb")));
    }

    @Test
    void unknownKeysAreNoCredential() {
        assertNull(cache.find("AKIAUNKNOWN000000000"));
    }

    @Test
    void aDeactivatedOrDeletedKeyStopsWorkingOnceTheCachedCopyIsOlderThanItsAge() {
        store.createUser("alice", "/", Map.of());
        String keyId = store.createAccessKey("alice").key().accessKeyId();
        assertNotNull(cache.find(keyId));
        store.updateAccessKey("alice", keyId, false);
        nanos.addAndGet(Duration.ofMillis(499).toNanos());
        assertNotNull(cache.find(keyId), "within its age the cached copy is used");
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertNull(cache.find(keyId));
        store.updateAccessKey("alice", keyId, true);
        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        assertNotNull(cache.find(keyId));
        store.deleteAccessKey("alice", keyId);
        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        assertNull(cache.find(keyId));
    }

    @Test
    void aUsersIdIsFoundFromItsArn() {
        IamUser user = store.createUser("alice", "/dev/", Map.of());
        assertEquals(user.userId(), cache.userId("arn:aws:iam::123456789012:user/dev/alice"));
        assertNull(cache.userId("arn:aws:iam::123456789012:user/alice"), "the path is part of the ARN");
        assertNull(cache.userId("arn:aws:iam::999999999999:user/dev/alice"));
    }

    @Test
    void aKeyUseIsRecordedOncePerMinuteFromThisNode() {
        store.createUser("alice", "/", Map.of());
        String keyId = store.createAccessKey("alice").key().accessKeyId();
        cache.used(keyId, () -> "dynamodb");
        assertEquals("dynamodb", store.findAccessKey(keyId).orElseThrow().lastUsedService());
        assertEquals("us-east-1", store.findAccessKey(keyId).orElseThrow().lastUsedRegion());
    }
}
