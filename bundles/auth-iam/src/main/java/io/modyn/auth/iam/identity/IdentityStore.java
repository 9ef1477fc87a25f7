package io.modyn.auth.iam.identity;

import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.auth.iam.credentials.AccessKeyGenerator;
import io.modyn.auth.iam.identity.IdentityException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IAM users and their access keys in the system keyspace {@value #KEYSPACE}, created on first
 * use. Two partitions: {@code user} (sort key: the user name in lower case, since IAM names are
 * unique regardless of case) and {@code key} (sort key: the access key id). A user's record also
 * lists its key ids, so every change to a user's keys locks the user's record first: two nodes on
 * one database can neither create the same user twice nor give a user a third key, because the
 * storage transaction's locks live in the database.
 *
 * <p>Groups, their members and roles live in the same keyspace, kept by {@link GroupStore} and
 * {@link RoleStore} ({@link #groupStore()}, {@link #roleStore()}).
 *
 * <p>Reads here go to storage every time (the IAM API reads its own writes); the authentication
 * path reads through {@link UserKeyCache}. A user's policies live beside it ({@link PolicyStore}):
 * they follow a renamed user, and a user who has any cannot be deleted. Secrets are sealed by {@link SecretSealer} before they
 * reach storage and are returned in clear only by {@link #createAccessKey}.
 */
public final class IdentityStore {

    public static final String KEYSPACE = IdentityKeyspace.NAME;
    public static final int MAX_ACCESS_KEYS_PER_USER = 2;
    /** The last-used time of a key is written at most this often. */
    public static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    static final byte[] USERS = "user".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEYS = "key".getBytes(StandardCharsets.US_ASCII);

    private final IdentityKeyspace keyspace;
    private final SecretSealer sealer;
    private final AccessKeyGenerator generator;
    private final GroupStore groups;
    private final RoleStore roles;

    public IdentityStore(IdentityStorage storage, SecretSealer sealer, SecureRandom random, Clock clock) {
        this.keyspace = new IdentityKeyspace(storage, random, clock);
        this.sealer = sealer;
        this.generator = new AccessKeyGenerator(random);
        this.groups = new GroupStore(keyspace);
        this.roles = new RoleStore(keyspace);
    }

    /** The account's groups and their members, in the same keyspace. */
    public GroupStore groupStore() {
        return groups;
    }

    /** The account's roles, in the same keyspace. */
    public RoleStore roleStore() {
        return roles;
    }

    /** A new access key with its secret in clear: the only time the secret is ever returned. */
    public record NewAccessKey(AccessKey key, String secretAccessKey) {
        @Override
        public String toString() {
            return "NewAccessKey[" + key.accessKeyId() + "]";
        }
    }

    // ---- users

    public IamUser createUser(String name, String path, Map<String, String> tags) {
        IamUser user = new IamUser(name, path, keyspace.newId("AIDA"), now(), tags, List.of());
        StorageEngine engine = keyspace.writable();
        try (StorageTransaction tx = engine.begin()) {
            byte[] sort = userKey(name);
            byte[] existing = tx.getForUpdate(KEYSPACE, USERS, sort);
            if (existing != null) {
                throw new IdentityException(Reason.ALREADY_EXISTS, "User with name " + name + " already exists.");
            }
            tx.put(KEYSPACE, USERS, sort, IdentityRecords.user(user));
            tx.commit();
        }
        return user;
    }

    public Optional<IamUser> findUser(String name) {
        StorageEngine engine = keyspace.readable();
        if (engine == null) return Optional.empty();
        byte[] bytes = engine.get(KEYSPACE, USERS, userKey(name));
        return Optional.ofNullable(bytes).map(IdentityRecords::user);
    }

    public IamUser user(String name) {
        return findUser(name).orElseThrow(() -> IdentityException.noSuchUser(name));
    }

    /** Every user, ordered by name regardless of case. */
    public List<IamUser> users() {
        StorageEngine engine = keyspace.readable();
        List<IamUser> users = new ArrayList<>();
        if (engine == null) return users;
        try (RecordCursor cursor = engine.query(KEYSPACE, USERS, KeyRange.all(), false)) {
            cursor.forEachRemaining(record -> users.add(IdentityRecords.user(record.value())));
        }
        return users;
    }

    /**
     * Renames a user or moves it to another path (null: unchanged); its keys follow, resealed for
     * the new name, and so do its group memberships.
     */
    public IamUser updateUser(String name, String newName, String newPath) {
        StorageEngine engine = keyspace.writable();
        try (StorageTransaction tx = engine.begin()) {
            IamUser user = lockUser(tx, name);
            String targetName = newName == null ? user.name() : newName;
            IamUser updated = user.renamed(targetName, newPath == null ? user.path() : newPath);
            boolean sameRecord = IamUser.storageName(targetName).equals(IamUser.storageName(user.name()));
            if (!sameRecord) {
                if (tx.getForUpdate(KEYSPACE, USERS, userKey(targetName)) != null) {
                    throw new IdentityException(Reason.ALREADY_EXISTS, "User with name " + targetName + " already exists.");
                }
                tx.delete(KEYSPACE, USERS, userKey(user.name()));
                PolicyStore.moveHolder(tx, HolderKind.USER, user.name(), targetName);
            }
            tx.put(KEYSPACE, USERS, userKey(targetName), IdentityRecords.user(updated));
            if (!targetName.equals(user.name())) {
                groups.memberships().renameUser(tx, user.name(), targetName);
                for (String keyId : user.accessKeyIds()) {
                    StoredAccessKey stored = lockKey(tx, keyId);
                    AccessKey key = stored.key();
                    String secret = sealer.open(stored.sealedSecret(), user.name(), keyId);
                    AccessKey moved = new AccessKey(keyId, targetName, key.active(), key.createDate(), key.lastUsedDate(),
                            key.lastUsedService(), key.lastUsedRegion());
                    tx.put(KEYSPACE, KEYS, accessKeyKey(keyId),
                            IdentityRecords.accessKey(new StoredAccessKey(moved, sealer.seal(secret, targetName, keyId))));
                }
            }
            tx.commit();
            return updated;
        }
    }

    public void deleteUser(String name) {
        StorageEngine engine = keyspace.writable();
        try (StorageTransaction tx = engine.begin()) {
            IamUser user = lockUser(tx, name);
            if (!user.accessKeyIds().isEmpty()) {
                throw new IdentityException(Reason.DELETE_CONFLICT, "Cannot delete entity, must delete access keys first.");
            }
            // Adding to a group locks this record too, so no membership can appear after this read.
            if (!groups.memberships().groupsOf(user.name()).isEmpty()) {
                throw new IdentityException(Reason.DELETE_CONFLICT, "Cannot delete entity, must remove users from group first.");
            }
            PolicyStore.checkNoPolicies(tx, HolderKind.USER, user.name());
            tx.delete(KEYSPACE, USERS, userKey(user.name()));
            tx.commit();
        }
    }

    /** Adds or replaces tags (a key given again gets the new value). */
    public IamUser tagUser(String name, Map<String, String> tags, int maxTags) {
        StorageEngine engine = keyspace.writable();
        try (StorageTransaction tx = engine.begin()) {
            IamUser user = lockUser(tx, name);
            Map<String, String> merged = new LinkedHashMap<>(user.tags());
            merged.putAll(tags);
            if (merged.size() > maxTags) {
                throw new IdentityException(Reason.LIMIT_EXCEEDED, "The number of tags has reached the maximum limit.");
            }
            IamUser tagged = user.withTags(merged);
            tx.put(KEYSPACE, USERS, userKey(user.name()), IdentityRecords.user(tagged));
            tx.commit();
            return tagged;
        }
    }

    public IamUser untagUser(String name, List<String> tagKeys) {
        StorageEngine engine = keyspace.writable();
        try (StorageTransaction tx = engine.begin()) {
            IamUser user = lockUser(tx, name);
            Map<String, String> remaining = new LinkedHashMap<>(user.tags());
            tagKeys.forEach(remaining::remove);
            IamUser untagged = user.withTags(remaining);
            tx.put(KEYSPACE, USERS, userKey(user.name()), IdentityRecords.user(untagged));
            tx.commit();
            return untagged;
        }
    }

    // ---- access keys

    public NewAccessKey createAccessKey(String userName) {
        StorageEngine engine = keyspace.writable();
        try (StorageTransaction tx = engine.begin()) {
            IamUser user = lockUser(tx, userName);
            if (user.accessKeyIds().size() >= MAX_ACCESS_KEYS_PER_USER) {
                throw new IdentityException(Reason.LIMIT_EXCEEDED, "Cannot exceed quota for AccessKeysPerUser: " + MAX_ACCESS_KEYS_PER_USER);
            }
            String keyId;
            do {
                keyId = generator.newAccessKeyId();
            } while (tx.getForUpdate(KEYSPACE, KEYS, accessKeyKey(keyId)) != null);
            String secret = generator.newSecretAccessKey();
            AccessKey key = new AccessKey(keyId, user.name(), true, now(), null, null, null);
            tx.put(KEYSPACE, KEYS, accessKeyKey(keyId), IdentityRecords.accessKey(new StoredAccessKey(key, sealer.seal(secret, user.name(), keyId))));
            List<String> keys = new ArrayList<>(user.accessKeyIds());
            keys.add(keyId);
            tx.put(KEYSPACE, USERS, userKey(user.name()), IdentityRecords.user(user.withKeys(keys)));
            tx.commit();
            return new NewAccessKey(key, secret);
        }
    }

    /** The user's keys in the order they were created. */
    public List<AccessKey> accessKeys(String userName) {
        IamUser user = user(userName);
        List<AccessKey> keys = new ArrayList<>();
        for (String keyId : user.accessKeyIds()) {
            byte[] bytes = keyspace.get(KEYS, accessKeyKey(keyId));
            if (bytes != null) keys.add(IdentityRecords.accessKey(bytes).key());
        }
        return keys;
    }

    /** The key with this id, whoever owns it. */
    public Optional<AccessKey> findAccessKey(String accessKeyId) {
        return findStoredKey(accessKeyId).map(StoredAccessKey::key);
    }

    public void updateAccessKey(String userName, String accessKeyId, boolean active) {
        StorageEngine engine = keyspace.writable();
        try (StorageTransaction tx = engine.begin()) {
            IamUser user = lockUser(tx, userName);
            StoredAccessKey stored = lockUsersKey(tx, user, accessKeyId);
            AccessKey key = stored.key();
            AccessKey updated = new AccessKey(key.accessKeyId(), key.userName(), active, key.createDate(), key.lastUsedDate(),
                    key.lastUsedService(), key.lastUsedRegion());
            tx.put(KEYSPACE, KEYS, accessKeyKey(accessKeyId), IdentityRecords.accessKey(new StoredAccessKey(updated, stored.sealedSecret())));
            tx.commit();
        }
    }

    public void deleteAccessKey(String userName, String accessKeyId) {
        StorageEngine engine = keyspace.writable();
        try (StorageTransaction tx = engine.begin()) {
            IamUser user = lockUser(tx, userName);
            lockUsersKey(tx, user, accessKeyId);
            List<String> keys = new ArrayList<>(user.accessKeyIds());
            keys.remove(accessKeyId);
            tx.delete(KEYSPACE, KEYS, accessKeyKey(accessKeyId));
            tx.put(KEYSPACE, USERS, userKey(user.name()), IdentityRecords.user(user.withKeys(keys)));
            tx.commit();
        }
    }

    /**
     * Records that a key signed a request for this service and region, unless its stored last use
     * is less than {@link #LAST_USED_RESOLUTION} ago (a key in use is written once a minute, not
     * once a request).
     */
    public void recordUse(String accessKeyId, String service, String region) {
        Instant now = now();
        StorageEngine engine = keyspace.writable();
        try (StorageTransaction tx = engine.begin()) {
            byte[] bytes = tx.getForUpdate(KEYSPACE, KEYS, accessKeyKey(accessKeyId));
            if (bytes == null) return;
            StoredAccessKey stored = IdentityRecords.accessKey(bytes);
            AccessKey key = stored.key();
            if (key.lastUsedDate() != null && key.lastUsedDate().plus(LAST_USED_RESOLUTION).isAfter(now)) return;
            AccessKey used = new AccessKey(key.accessKeyId(), key.userName(), key.active(), key.createDate(), now, service, region);
            tx.put(KEYSPACE, KEYS, accessKeyKey(accessKeyId), IdentityRecords.accessKey(new StoredAccessKey(used, stored.sealedSecret())));
            tx.commit();
        }
    }

    /** The key with its secret opened, for authentication only. */
    Optional<StoredAccessKey> findStoredKey(String accessKeyId) {
        StorageEngine engine = keyspace.readable();
        if (engine == null) return Optional.empty();
        return Optional.ofNullable(engine.get(KEYSPACE, KEYS, accessKeyKey(accessKeyId))).map(IdentityRecords::accessKey);
    }

    String openSecret(StoredAccessKey stored) {
        return sealer.open(stored.sealedSecret(), stored.key().userName(), stored.key().accessKeyId());
    }

    // ---- helpers

    private IamUser lockUser(StorageTransaction tx, String name) {
        byte[] bytes = tx.getForUpdate(KEYSPACE, USERS, userKey(name));
        if (bytes == null) throw IdentityException.noSuchUser(name);
        return IdentityRecords.user(bytes);
    }

    private StoredAccessKey lockKey(StorageTransaction tx, String keyId) {
        byte[] bytes = tx.getForUpdate(KEYSPACE, KEYS, accessKeyKey(keyId));
        if (bytes == null) throw IdentityException.noSuchAccessKey(keyId);
        return IdentityRecords.accessKey(bytes);
    }

    private StoredAccessKey lockUsersKey(StorageTransaction tx, IamUser user, String keyId) {
        if (!user.accessKeyIds().contains(keyId)) throw IdentityException.noSuchAccessKey(keyId);
        return lockKey(tx, keyId);
    }

    private Instant now() {
        return keyspace.now();
    }

    private static byte[] userKey(String name) {
        return IamUser.storageName(name).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] accessKeyKey(String keyId) {
        return keyId.getBytes(StandardCharsets.UTF_8);
    }
}
