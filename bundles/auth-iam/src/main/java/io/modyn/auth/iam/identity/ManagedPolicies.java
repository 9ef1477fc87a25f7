package io.modyn.auth.iam.identity;

import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.auth.iam.identity.IdentityException.Reason;
import io.modyn.auth.iam.policy.PolicyKind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Customer managed policies and their versions in the system keyspace {@value IdentityStore#KEYSPACE},
 * partition {@code policy}: one record per policy (sort key: its name in lower case, since names
 * are unique in the account regardless of path and case) with all its versions and its attachment
 * count; and, partition {@code awspolicy}, how often each {@link AwsManagedPolicies AWS managed
 * policy} is attached (a 4-byte count). Every change locks the policy's record, so two nodes can
 * neither pass the version limit nor lose a count. Attachments themselves are the {@link
 * PolicyStore}'s, which locks the holder first, then the policy here.
 */
public final class ManagedPolicies {

    public static final int MAX_VERSIONS = 5;
    public static final int MAX_MANAGED_POLICY_SIZE = 6144;

    private static final byte[] POLICIES = "policy".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AWS_POLICY_USE = "awspolicy".getBytes(StandardCharsets.US_ASCII);
    private static final String ID_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final String accountId;
    private final SecureRandom random;
    private final Clock clock;
    private final IdentityKeyspace keyspace;

    public ManagedPolicies(IdentityStorage storage, String accountId, SecureRandom random, Clock clock) {
        this.keyspace = new IdentityKeyspace(storage, random, clock);
        this.accountId = accountId;
        this.random = random;
        this.clock = clock;
    }

    public String accountId() {
        return accountId;
    }

    public ManagedPolicy createPolicy(String name, String path, String description, String document, Map<String, String> tags) {
        checkManaged(document);
        Instant now = now();
        ManagedPolicy policy = new ManagedPolicy(name, path, "ANPA" + randomId(), description, now, now, "v1", 0, tags, 2,
                List.of(new ManagedPolicy.Version("v1", document, now)));
        StorageEngine engine = keyspace.writable();
        try (StorageTransaction tx = engine.begin()) {
            if (tx.getForUpdate(IdentityStore.KEYSPACE, POLICIES, policyKey(name)) != null) {
                throw new IdentityException(Reason.ALREADY_EXISTS, "A policy called " + name + " already exists. Duplicate names are not allowed.");
            }
            tx.put(IdentityStore.KEYSPACE, POLICIES, policyKey(name), PolicyRecords.policy(policy));
            tx.commit();
        }
        return policy;
    }

    /** The policy with this ARN. */
    public ManagedPolicy policy(String arn) {
        return findPolicy(arn).orElseThrow(() -> noSuchPolicy(arn));
    }

    /** The policy with this ARN, or empty if there is none (an ARN that is no ARN at all is refused). */
    public Optional<ManagedPolicy> findPolicy(String arn) {
        if (AwsManagedPolicies.isAwsArn(arn)) return AwsManagedPolicies.find(arn).map(this::withAttachments);
        String name = policyName(arn);
        if (name == null) return Optional.empty();
        StorageEngine engine = keyspace.readable();
        if (engine == null) return Optional.empty();
        byte[] bytes = engine.get(IdentityStore.KEYSPACE, POLICIES, policyKey(name));
        return Optional.ofNullable(bytes).map(PolicyRecords::policy).filter(p -> p.arn(accountId).equals(arn));
    }

    /** Every customer managed policy, ordered by name regardless of case. */
    public List<ManagedPolicy> policies() {
        StorageEngine engine = keyspace.readable();
        List<ManagedPolicy> policies = new ArrayList<>();
        if (engine == null) return policies;
        try (RecordCursor cursor = engine.query(IdentityStore.KEYSPACE, POLICIES, KeyRange.all(), false)) {
            cursor.forEachRemaining(record -> policies.add(PolicyRecords.policy(record.value())));
        }
        return policies;
    }

    /** The AWS managed policies we know, ordered by name, with how often each is attached. */
    public List<ManagedPolicy> awsPolicies() {
        return AwsManagedPolicies.all().stream().map(this::withAttachments).toList();
    }

    /** Refused while the policy is attached or has versions besides its default, as IAM refuses. */
    public void deletePolicy(String arn) {
        StorageEngine engine = keyspace.writable();
        try (StorageTransaction tx = engine.begin()) {
            ManagedPolicy policy = lockPolicy(tx, arn);
            if (policy.attachmentCount() > 0) {
                throw new IdentityException(Reason.DELETE_CONFLICT, "Cannot delete a policy attached to entities.");
            }
            if (policy.versions().size() > 1) {
                throw new IdentityException(Reason.DELETE_CONFLICT, "This policy has more than one version. Before you delete a policy, "
                        + "you must delete the policy's versions. The default version is deleted with the policy.");
            }
            tx.delete(IdentityStore.KEYSPACE, POLICIES, policyKey(policy.name()));
            tx.commit();
        }
    }

    public ManagedPolicy.Version createPolicyVersion(String arn, String document, boolean setAsDefault) {
        checkManaged(document);
        StorageEngine engine = keyspace.writable();
        try (StorageTransaction tx = engine.begin()) {
            ManagedPolicy policy = lockPolicy(tx, arn);
            if (policy.versions().size() >= MAX_VERSIONS) {
                throw new IdentityException(Reason.LIMIT_EXCEEDED, "A managed policy can have up to " + MAX_VERSIONS
                        + " versions. Before you create a new version, you must delete an existing version.");
            }
            Instant now = now();
            ManagedPolicy.Version version = new ManagedPolicy.Version("v" + policy.nextVersion(), document, now);
            List<ManagedPolicy.Version> versions = new ArrayList<>();
            versions.add(version);
            versions.addAll(policy.versions());
            ManagedPolicy updated = policy.with(setAsDefault ? version.versionId() : policy.defaultVersionId(),
                    setAsDefault ? now : policy.updateDate(), policy.attachmentCount(), policy.tags(), policy.nextVersion() + 1, versions);
            tx.put(IdentityStore.KEYSPACE, POLICIES, policyKey(policy.name()), PolicyRecords.policy(updated));
            tx.commit();
            return version;
        }
    }

    /** The version of the policy with this id. */
    public ManagedPolicy.Version policyVersion(String arn, String versionId) {
        ManagedPolicy.Version version = policy(arn).version(versionId);
        if (version == null) throw noSuchVersion(arn, versionId);
        return version;
    }

    public void deletePolicyVersion(String arn, String versionId) {
        StorageEngine engine = keyspace.writable();
        try (StorageTransaction tx = engine.begin()) {
            ManagedPolicy policy = lockPolicy(tx, arn);
            if (policy.version(versionId) == null) throw noSuchVersion(arn, versionId);
            if (policy.defaultVersionId().equals(versionId)) {
                throw new IdentityException(Reason.DELETE_CONFLICT, "Cannot delete the default version of a policy.");
            }
            List<ManagedPolicy.Version> versions = new ArrayList<>(policy.versions());
            versions.removeIf(v -> v.versionId().equals(versionId));
            ManagedPolicy updated = policy.with(policy.defaultVersionId(), policy.updateDate(), policy.attachmentCount(), policy.tags(),
                    policy.nextVersion(), versions);
            tx.put(IdentityStore.KEYSPACE, POLICIES, policyKey(policy.name()), PolicyRecords.policy(updated));
            tx.commit();
        }
    }

    public void setDefaultPolicyVersion(String arn, String versionId) {
        StorageEngine engine = keyspace.writable();
        try (StorageTransaction tx = engine.begin()) {
            ManagedPolicy policy = lockPolicy(tx, arn);
            if (policy.version(versionId) == null) throw noSuchVersion(arn, versionId);
            ManagedPolicy updated = policy.with(versionId, now(), policy.attachmentCount(), policy.tags(), policy.nextVersion(),
                    policy.versions());
            tx.put(IdentityStore.KEYSPACE, POLICIES, policyKey(policy.name()), PolicyRecords.policy(updated));
            tx.commit();
        }
    }

    // ---- for attachments (PolicyStore)

    private ManagedPolicy lockPolicy(StorageTransaction tx, String arn) {
        String name = policyName(arn);
        if (name == null) throw noSuchPolicy(arn);
        byte[] bytes = tx.getForUpdate(IdentityStore.KEYSPACE, POLICIES, policyKey(name));
        ManagedPolicy policy = bytes == null ? null : PolicyRecords.policy(bytes);
        if (policy == null || !policy.arn(accountId).equals(arn)) throw noSuchPolicy(arn);
        return policy;
    }

    /** The policy to attach or detach, its attachment count locked: a customer's record, or an AWS policy's count. */
    ManagedPolicy lockForAttachment(StorageTransaction tx, String arn) {
        if (!AwsManagedPolicies.isAwsArn(arn)) return lockPolicy(tx, arn);
        ManagedPolicy policy = AwsManagedPolicies.find(arn).orElseThrow(() -> noSuchPolicy(arn));
        byte[] count = tx.getForUpdate(IdentityStore.KEYSPACE, AWS_POLICY_USE, policyKey(policy.name()));
        return policy.withAttachments(count == null ? 0 : ByteBuffer.wrap(count).getInt());
    }

    static void writeAttachments(StorageTransaction tx, ManagedPolicy policy, int count) {
        if (AwsManagedPolicies.isAwsManaged(policy)) {
            if (count == 0) {
                tx.delete(IdentityStore.KEYSPACE, AWS_POLICY_USE, policyKey(policy.name()));
            } else {
                tx.put(IdentityStore.KEYSPACE, AWS_POLICY_USE, policyKey(policy.name()), ByteBuffer.allocate(4).putInt(count).array());
            }
        } else {
            tx.put(IdentityStore.KEYSPACE, POLICIES, policyKey(policy.name()), PolicyRecords.policy(policy.withAttachments(count)));
        }
    }

    private ManagedPolicy withAttachments(ManagedPolicy awsPolicy) {
        StorageEngine engine = keyspace.readable();
        if (engine == null) return awsPolicy;
        byte[] count = engine.get(IdentityStore.KEYSPACE, AWS_POLICY_USE, policyKey(awsPolicy.name()));
        return count == null ? awsPolicy : awsPolicy.withAttachments(ByteBuffer.wrap(count).getInt());
    }

    // ---- ARNs and errors

    /** The policy name in a customer managed policy ARN of this account, null for another account's or AWS's; InvalidInput for no ARN. */
    String policyName(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || parts[1].isEmpty() || parts[5].isEmpty()) throw invalidArn(arn);
        if (!parts[2].equals("iam") || !parts[4].equals(accountId) || !parts[5].startsWith("policy/")) return null;
        String resource = parts[5];
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    static IdentityException invalidArn(String arn) {
        return new IdentityException(Reason.INVALID_INPUT, "ARN " + arn + " is not valid.");
    }

    static IdentityException noSuchPolicy(String arn) {
        return new IdentityException(Reason.NO_SUCH_ENTITY, "Policy " + arn + " does not exist or is not attachable.");
    }

    private static IdentityException noSuchVersion(String arn, String versionId) {
        return new IdentityException(Reason.NO_SUCH_ENTITY, "Policy " + arn + " version " + versionId + " does not exist or is not attachable.");
    }

    // ---- helpers

    private static void checkManaged(String document) {
        PolicyDocuments.check(document, PolicyKind.MANAGED);
        if (PolicyDocuments.size(document) > MAX_MANAGED_POLICY_SIZE) {
            throw new IdentityException(Reason.LIMIT_EXCEEDED, "Cannot exceed quota for PolicySize: " + MAX_MANAGED_POLICY_SIZE);
        }
    }

    private static byte[] policyKey(String name) {
        return IamUser.storageName(name).getBytes(StandardCharsets.UTF_8);
    }



    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private String randomId() {
        char[] id = new char[17];
        for (int i = 0; i < id.length; i++) id[i] = ID_DIGITS.charAt(random.nextInt(ID_DIGITS.length()));
        return new String(id);
    }
}
