package io.modyn.kms.keys;

import io.modyn.api.crypto.DataKey;
import io.modyn.api.crypto.KeyManager;
import io.modyn.api.crypto.KeyManagerException;
import io.modyn.api.crypto.KeyReference;
import io.modyn.api.dynamodb.RequestContext;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What KMS does with customer keys, independent of the wire: finding keys by id, ARN or alias,
 * their life cycle (enable, disable, deletion, rotation, aliases, tags) and the cryptographic
 * operations, with AWS KMS's errors. The KMS API handler and the engine (through
 * {@link KeyManager}) both call it. Thread-safe; every change is one storage transaction.
 */
public final class KeyService implements KeyManager {

    public static final int KEY_BYTES = 32;
    public static final int DEFAULT_ROTATION_DAYS = 365;
    static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final Pattern ALIAS_NAME = Pattern.compile("alias/[a-zA-Z0-9/_-]+");
    /** The AWS managed key DynamoDB encrypts tables with when no customer key is named. */
    public static final String DYNAMODB_ALIAS = "alias/aws/dynamodb";
    static final String DYNAMODB_KEY_DESCRIPTION = "Default master key that protects my DynamoDB tables when no other key is defined";

    private final KeyStore store;
    private final String region;
    private final String accountId;
    private final Clock clock;
    private volatile OnBehalfCheck onBehalf = (caller, action, key, identifier, encryptionContext) -> { };

    /**
     * Authorizes a {@link KeyManager} call made on behalf of a DynamoDB request's caller (the API
     * layer supplies it, since it holds the authorizer); refuses by throwing.
     */
    @FunctionalInterface
    public interface OnBehalfCheck {
        void check(RequestContext caller, String action, KmsKey key, String identifier, Map<String, String> encryptionContext);
    }

    public KeyService(KeyStore store, String region, String accountId, Clock clock) {
        this.store = store;
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
    }

    public void authorizeOnBehalfWith(OnBehalfCheck check) {
        onBehalf = check;
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    public String arn(String keyId) {
        return "arn:aws:kms:" + region + ":" + accountId + ":key/" + keyId;
    }

    public String aliasArn(String aliasName) {
        return "arn:aws:kms:" + region + ":" + accountId + ":" + aliasName;
    }

    // ---- keys

    public KmsKey create(String description, Map<String, String> tags) {
        return create(description, tags, null);
    }

    /** A new customer managed key; {@code policy} null gives it KMS's default key policy. */
    public KmsKey create(String description, Map<String, String> tags, String policy) {
        return create(newKeyId(), description, tags, policy);
    }

    public String newKeyId() {
        return UUID.randomUUID().toString();
    }

    /** A new customer managed key with an id from {@link #newKeyId}. */
    public KmsKey create(String id, String description, Map<String, String> tags, String policy) {
        KmsKey key = KmsKey.created(id, clock.millis(), description == null ? "" : description, tags,
                policy == null ? KeyPolicies.defaultPolicy(accountId) : policy);
        store.create(key, AesGcm.randomBytes(KEY_BYTES));
        return key;
    }

    /** The key's policy document (the default one for keys stored before policies existed). */
    public String policy(KmsKey key) {
        return key.policy() == null ? KeyPolicies.defaultPolicy(accountId) : key.policy();
    }

    public KmsKey putPolicy(String identifier, String policy) {
        return change(findById(identifier), key -> {
            refuseIfPendingDeletion(key);
            return key.withPolicy(policy);
        });
    }

    /** The key an id, key ARN, alias name or alias ARN names; NotFoundException if none. */
    public KmsKey find(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            throw KmsErrors.missing("keyId");
        }
        String keyId = keyIdOf(identifier);
        KmsKey key = store.key(keyId).orElseThrow(() -> KmsErrors.keyNotFound(arn(keyId)));
        return expireIfDue(key);
    }

    /** Only a key id or key ARN (no alias), for the operations AWS allows that way only. */
    public KmsKey findById(String identifier) {
        if (identifier != null && (identifier.startsWith("alias/") || identifier.contains(":alias/"))) {
            throw KmsErrors.invalidKeyId(identifier);
        }
        return find(identifier);
    }

    private String keyIdOf(String identifier) {
        String aliasPrefix = "arn:aws:kms:" + region + ":" + accountId + ":alias/";
        String keyPrefix = "arn:aws:kms:" + region + ":" + accountId + ":key/";
        if (identifier.startsWith("alias/") || identifier.startsWith(aliasPrefix)) {
            String name = aliasName(identifier);
            Optional<String> target = store.aliasTarget(name);
            if (target.isEmpty() && name.equals(DYNAMODB_ALIAS)) {
                return createDynamoDbKey();
            }
            return target.orElseThrow(() -> KmsErrors.aliasNotFound(aliasArn(name)));
        }
        if (identifier.startsWith(keyPrefix)) {
            String id = identifier.substring(keyPrefix.length());
            if (!KEY_ID.matcher(id).matches()) {
                throw KmsErrors.invalidKeyId(identifier);
            }
            return id;
        }
        if (identifier.startsWith("arn:")) {
            // Another region or account, or not a KMS ARN: no key of this server.
            throw KmsErrors.keyNotFound(identifier);
        }
        if (!KEY_ID.matcher(identifier).matches()) {
            throw KmsErrors.invalidKeyId(identifier);
        }
        return identifier;
    }

    /** The alias name an alias name or alias ARN gives; null for a key id or key ARN. */
    public String aliasName(String identifier) {
        if (identifier == null) {
            return null;
        }
        if (identifier.startsWith("alias/")) {
            return identifier;
        }
        String aliasPrefix = "arn:aws:kms:" + region + ":" + accountId + ":alias/";
        return identifier.startsWith(aliasPrefix) ? identifier.substring(aliasPrefix.length() - "alias/".length()) : null;
    }

    /**
     * AWS creates the managed key of a service in an account when it is first used; several nodes
     * may race to, and the alias record, locked in the creating transaction, lets one win.
     */
    private String createDynamoDbKey() {
        long now = clock.millis();
        KmsKey key = KmsKey.awsManaged(UUID.randomUUID().toString(), now, DYNAMODB_KEY_DESCRIPTION,
                KeyPolicies.awsManagedDynamoDbPolicy(accountId), DEFAULT_ROTATION_DAYS, now + Duration.ofDays(DEFAULT_ROTATION_DAYS).toMillis());
        return store.createWithAlias(DYNAMODB_ALIAS, key, AesGcm.randomBytes(KEY_BYTES));
    }

    /** A key pending deletion whose date has passed is deleted now, on first sight (the sweep would soon). */
    private KmsKey expireIfDue(KmsKey key) {
        if (deletionDue(key, clock.millis())) {
            store.deleteIf(key.id(), current -> deletionDue(current, clock.millis()));
            throw KmsErrors.keyNotFound(arn(key.id()));
        }
        return key;
    }

    private static boolean deletionDue(KmsKey key, long now) {
        return key.state() == KeyState.PendingDeletion && key.deletionEpochMillis() <= now;
    }

    /**
     * The timers, run periodically by the component (on every node): deletes the keys whose
     * waiting period is over and rotates the keys whose automatic rotation is due. Each change is
     * a storage transaction that rereads the key under its lock and acts only if it is still due,
     * so with several nodes on one database exactly one acts on each key.
     *
     * @return how many keys were deleted or rotated by this call
     */
    public int sweep() {
        int changed = 0;
        for (KmsKey key : store.keys()) {
            long now = clock.millis();
            if (deletionDue(key, now)) {
                if (store.deleteIf(key.id(), current -> deletionDue(current, now))) {
                    changed++;
                }
            } else if (key.state() == KeyState.Enabled && key.rotationEnabled() && key.nextRotationEpochMillis() <= now) {
                if (rotateDue(key).isPresent()) {
                    changed++;
                }
            }
        }
        return changed;
    }

    /** The key with this id, if it exists (and is not past its deletion date); no error either way. */
    public Optional<KmsKey> existing(String keyId) {
        return store.key(keyId).filter(k -> !deletionDue(k, clock.millis()));
    }

    public List<KmsKey> list() {
        return store.keys().stream().filter(k -> !deletionDue(k, clock.millis())).toList();
    }

    public KmsKey enable(String identifier) {
        return change(findById(identifier), key -> {
            refuseIfPendingDeletion(key);
            return key.withState(KeyState.Enabled, 0, 0);
        });
    }

    public KmsKey disable(String identifier) {
        return change(findById(identifier), key -> {
            refuseIfPendingDeletion(key);
            return key.withState(KeyState.Disabled, 0, 0);
        });
    }

    public KmsKey scheduleDeletion(String identifier, Integer pendingWindowInDays) {
        int window = pendingWindowInDays == null ? 30 : pendingWindowInDays;
        if (window < 7) {
            throw KmsErrors.constraint(window, "pendingWindowInDays", "Member must have value greater than or equal to 7");
        }
        if (window > 30) {
            throw KmsErrors.constraint(window, "pendingWindowInDays", "Member must have value less than or equal to 30");
        }
        long deletion = clock.millis() + Duration.ofDays(window).toMillis();
        return change(findById(identifier), key -> {
            refuseIfPendingDeletion(key);
            return key.withState(KeyState.PendingDeletion, deletion, window);
        });
    }

    public KmsKey cancelDeletion(String identifier) {
        return change(findById(identifier), key -> {
            if (key.state() != KeyState.PendingDeletion) {
                throw KmsErrors.notPendingDeletion(arn(key.id()));
            }
            return key.withState(KeyState.Disabled, 0, 0);
        });
    }

    public KmsKey enableRotation(String identifier, Integer periodInDays) {
        int period = periodInDays == null ? DEFAULT_ROTATION_DAYS : periodInDays;
        if (period < 90) {
            throw KmsErrors.constraint(period, "rotationPeriodInDays", "Member must have value greater than or equal to 90");
        }
        if (period > 2560) {
            throw KmsErrors.constraint(period, "rotationPeriodInDays", "Member must have value less than or equal to 2560");
        }
        long next = clock.millis() + Duration.ofDays(period).toMillis();
        return change(findById(identifier), key -> {
            refuseUnlessEnabled(key);
            return key.withRotation(true, period, next);
        });
    }

    public KmsKey disableRotation(String identifier) {
        return change(findById(identifier), key -> {
            refuseUnlessEnabled(key);
            return key.withRotation(false, 0, 0);
        });
    }

    /** A new version now; every older one stays for decryption. */
    public KmsKey rotateOnDemand(String identifier) {
        KmsKey key = findById(identifier);
        long now = clock.millis();
        return store.rotate(key.id(), now, "ON_DEMAND", key.rotationEnabled() ? key.nextRotationEpochMillis() : 0,
                        this::refuseUnlessEnabled, AesGcm.randomBytes(KEY_BYTES))
                .orElseThrow(() -> KmsErrors.keyNotFound(arn(key.id())));
    }

    /** An automatic rotation that has come due happens before the key is next used to encrypt. */
    private KmsKey rotateIfDue(KmsKey key) {
        return rotateDue(key).orElseGet(() -> store.key(key.id()).orElse(key));
    }

    /** The key rotated by this call if its automatic rotation was due; empty if not (or another node rotated it first). */
    private Optional<KmsKey> rotateDue(KmsKey key) {
        long now = clock.millis();
        if (!key.rotationEnabled() || key.nextRotationEpochMillis() > now) {
            return Optional.empty();
        }
        long next = now + Duration.ofDays(key.rotationPeriodInDays()).toMillis();
        try {
            return store.rotate(key.id(), now, "AUTOMATIC", next, current -> {
                if (!current.rotationEnabled() || current.nextRotationEpochMillis() > now || current.state() != KeyState.Enabled) {
                    throw new AlreadyRotated();
                }
            }, AesGcm.randomBytes(KEY_BYTES));
        } catch (AlreadyRotated e) {
            return Optional.empty();
        }
    }

    /** Another node rotated first: nothing to do. */
    private static final class AlreadyRotated extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    public KmsKey tag(String identifier, Map<String, String> tags) {
        return change(findById(identifier), key -> {
            refuseIfPendingDeletion(key);
            Map<String, String> all = new LinkedHashMap<>(key.tags());
            all.putAll(tags);
            return key.withTags(all);
        });
    }

    public KmsKey untag(String identifier, List<String> tagKeys) {
        return change(findById(identifier), key -> {
            refuseIfPendingDeletion(key);
            Map<String, String> all = new LinkedHashMap<>(key.tags());
            tagKeys.forEach(all::remove);
            return key.withTags(all);
        });
    }

    private KmsKey change(KmsKey key, java.util.function.Function<KmsKey, KmsKey> change) {
        return store.update(key.id(), change).orElseThrow(() -> KmsErrors.keyNotFound(arn(key.id())));
    }

    private void refuseIfPendingDeletion(KmsKey key) {
        if (key.state() == KeyState.PendingDeletion) {
            throw KmsErrors.pendingDeletion(arn(key.id()));
        }
    }

    private void refuseUnlessEnabled(KmsKey key) {
        refuseIfPendingDeletion(key);
        if (key.state() == KeyState.Disabled) {
            throw KmsErrors.disabled(arn(key.id()));
        }
    }

    // ---- aliases

    public void createAlias(String aliasName, String targetKeyId) {
        checkAliasName(aliasName);
        KmsKey key = findTarget(targetKeyId);
        if (!store.putAlias(aliasName, key.id(), false)) {
            throw KmsErrors.aliasExists(aliasArn(aliasName));
        }
    }

    public void updateAlias(String aliasName, String targetKeyId) {
        checkAliasName(aliasName);
        KmsKey key = findTarget(targetKeyId);
        if (!store.putAlias(aliasName, key.id(), true)) {
            throw KmsErrors.aliasNotFound(aliasArn(aliasName));
        }
    }

    public void deleteAlias(String aliasName) {
        checkAliasName(aliasName);
        if (!store.deleteAlias(aliasName)) {
            throw KmsErrors.aliasNotFound(aliasArn(aliasName));
        }
    }

    /** Alias name to target key id, in name order; only those of one key when keyId is given. */
    public Map<String, String> aliases(String keyIdentifier) {
        Map<String, String> all = store.aliases();
        if (keyIdentifier == null) {
            return all;
        }
        String id = findById(keyIdentifier).id();
        Map<String, String> ofKey = new LinkedHashMap<>();
        all.forEach((name, target) -> {
            if (target.equals(id)) {
                ofKey.put(name, target);
            }
        });
        return ofKey;
    }

    private KmsKey findTarget(String targetKeyId) {
        if (targetKeyId != null && (targetKeyId.startsWith("alias/") || targetKeyId.contains(":alias/"))) {
            throw KmsErrors.validation("Aliases must refer to keys. Not aliases");
        }
        KmsKey key = find(targetKeyId);
        refuseIfPendingDeletion(key);
        return key;
    }

    private static void checkAliasName(String aliasName) {
        if (aliasName == null || aliasName.isEmpty()) {
            throw KmsErrors.missing("aliasName");
        }
        if (aliasName.length() > 256) {
            throw KmsErrors.constraint(aliasName, "aliasName", "Member must have length less than or equal to 256");
        }
        if (!aliasName.matches("[a-zA-Z0-9:/_-]+")) {
            throw KmsErrors.constraint(aliasName, "aliasName", "Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$");
        }
        if (!aliasName.startsWith("alias/")) {
            throw new KeyManagerException("InvalidAliasNameException", "Alias must start with the prefix \"alias/\". "
                    + "Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html");
        }
        if (aliasName.startsWith("alias/aws/")) {
            throw new KeyManagerException("NotAuthorizedException", "Cannot create alias with prefix 'alias/aws/'");
        }
        if (!ALIAS_NAME.matcher(aliasName).matches() || aliasName.equals("alias/")) {
            throw new KeyManagerException("InvalidAliasNameException", aliasName + " contains invalid characters for an alias");
        }
    }

    // ---- cryptography

    /** The result of an encryption: the blob and the key (ARN) that made it. */
    public record Sealed(byte[] ciphertextBlob, String keyArn) {
    }

    /** The result of a decryption: the plaintext and the key (ARN) that opened it. */
    public record Opened(byte[] plaintext, String keyArn) {
    }

    public Sealed encrypt(String identifier, byte[] plaintext, Map<String, String> context) {
        KmsKey key = rotateIfDue(usable(find(identifier)));
        byte[] material = store.material(key.id(), key.currentVersion())
                .orElseThrow(() -> KmsErrors.internal("The current version of key " + arn(key.id()) + " is missing"));
        return new Sealed(CiphertextBlob.seal(key.id(), key.currentVersion(), material, plaintext, context), arn(key.id()));
    }

    /** Opens a blob; with {@code expectedKey} (id, ARN or alias) the blob must be of that key (IncorrectKeyException). */
    public Opened decrypt(byte[] blob, Map<String, String> context, String expectedKey) {
        CiphertextBlob.Header header = CiphertextBlob.header(blob);
        if (header == null) {
            throw KmsErrors.invalidCiphertext();
        }
        if (expectedKey != null && !find(expectedKey).id().equals(header.keyId())) {
            throw KmsErrors.incorrectKey();
        }
        Optional<KmsKey> found = store.key(header.keyId());
        if (found.isEmpty()) {
            throw KmsErrors.invalidCiphertext();
        }
        KmsKey key = usable(expireIfDue(found.get()));
        byte[] material = store.material(key.id(), header.keyVersion()).orElseThrow(KmsErrors::invalidCiphertext);
        try {
            return new Opened(CiphertextBlob.open(blob, material, context), arn(key.id()));
        } catch (GeneralSecurityException e) {
            throw KmsErrors.invalidCiphertext();
        }
    }

    private KmsKey usable(KmsKey key) {
        refuseUnlessEnabled(key);
        return key;
    }

    @Override
    public KeyReference resolve(String keyIdOrAliasOrArn) {
        KmsKey key = find(keyIdOrAliasOrArn);
        return new KeyReference(key.id(), arn(key.id()), key.state().name());
    }

    @Override
    public DataKey generateDataKey(String keyIdOrAliasOrArn, Map<String, String> encryptionContext) {
        byte[] plaintext = AesGcm.randomBytes(KEY_BYTES);
        Sealed sealed = encrypt(keyIdOrAliasOrArn, plaintext, encryptionContext);
        return new DataKey(sealed.keyArn(), plaintext, sealed.ciphertextBlob());
    }

    @Override
    public byte[] decryptDataKey(byte[] ciphertextBlob, Map<String, String> encryptionContext) {
        return decrypt(ciphertextBlob, encryptionContext, null).plaintext();
    }

    @Override
    public DataKey encryptDataKey(String keyIdOrAliasOrArn, byte[] plaintext, Map<String, String> encryptionContext) {
        Sealed sealed = encrypt(keyIdOrAliasOrArn, plaintext, encryptionContext);
        return new DataKey(sealed.keyArn(), plaintext.clone(), sealed.ciphertextBlob());
    }

    @Override
    public KeyReference resolve(String keyIdOrAliasOrArn, RequestContext onBehalfOf) {
        KmsKey key = find(keyIdOrAliasOrArn);
        onBehalf.check(onBehalfOf, "kms:DescribeKey", key, keyIdOrAliasOrArn, Map.of());
        return new KeyReference(key.id(), arn(key.id()), key.state().name());
    }

    @Override
    public DataKey generateDataKey(String keyIdOrAliasOrArn, Map<String, String> encryptionContext, RequestContext onBehalfOf) {
        onBehalf.check(onBehalfOf, "kms:GenerateDataKey", find(keyIdOrAliasOrArn), keyIdOrAliasOrArn, encryptionContext);
        return generateDataKey(keyIdOrAliasOrArn, encryptionContext);
    }

    @Override
    public byte[] decryptDataKey(byte[] ciphertextBlob, Map<String, String> encryptionContext, RequestContext onBehalfOf) {
        CiphertextBlob.Header header = CiphertextBlob.header(ciphertextBlob);
        KmsKey key = header == null ? null : existing(header.keyId()).orElse(null);
        if (key == null) {
            throw KmsErrors.invalidCiphertext();
        }
        onBehalf.check(onBehalfOf, "kms:Decrypt", key, null, encryptionContext);
        return decryptDataKey(ciphertextBlob, encryptionContext);
    }
}
