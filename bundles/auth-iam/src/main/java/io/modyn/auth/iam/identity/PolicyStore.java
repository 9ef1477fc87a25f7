package io.modyn.auth.iam.identity;

import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.auth.iam.identity.IdentityException.Reason;
import io.modyn.auth.iam.policy.PolicyKind;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policies of users, groups and roles in the system keyspace {@value IdentityStore#KEYSPACE},
 * beside the users: partition {@code holder}, one record per user, group or role that has policies
 * (sort key: kind letter, {@code /}, the name in lower case), with its inline policies and the ARNs
 * of the managed policies attached to it. The managed policies themselves are {@link
 * ManagedPolicies}'.
 *
 * <p>Every change locks the records it changes with {@code getForUpdate}, the holder's before the
 * policy's, so two nodes on one database can neither lose an attachment count nor pass a limit.
 * Deleting a holder locks its record too ({@link #checkNoPolicies}), so a policy put meanwhile is
 * either refused for want of its holder or refuses the delete. Documents are checked by the policy
 * parser when they are stored and stored as given; {@link IdentityPolicies} parses them for the
 * request path.
 */
public final class PolicyStore {

    static final byte[] HOLDERS = "holder".getBytes(StandardCharsets.US_ASCII);

    private final PolicyHolders holders;
    private final ManagedPolicies managed;
    private final IdentityKeyspace keyspace;

    public PolicyStore(IdentityStorage storage, PolicyHolders holders, String accountId, SecureRandom random, Clock clock) {
        this.keyspace = new IdentityKeyspace(storage, random, clock);
        this.holders = holders;
        this.managed = new ManagedPolicies(storage, accountId, random, clock);
    }

    /** The customer managed policies (and the AWS managed ones we know) that holders attach. */
    public ManagedPolicies managed() {
        return managed;
    }

    public String accountId() {
        return managed.accountId();
    }

    public PolicyHolders holders() {
        return holders;
    }

    // ---- inline policies

    /** Adds or replaces the holder's inline policy {@code policyName}. */
    public void putInlinePolicy(HolderKind kind, String holder, String policyName, String document) {
        PolicyDocuments.check(document, PolicyKind.IDENTITY);
        StorageEngine engine = keyspace.writable();
        try (StorageTransaction tx = engine.begin()) {
            HolderPolicies current = PolicyRecords.holder(tx.getForUpdate(IdentityStore.KEYSPACE, HOLDERS, holderKey(kind, holder)));
            requireHolder(kind, holder);
            Map<String, String> inline = new LinkedHashMap<>(current.inline());
            inline.put(policyName, document);
            int size = inline.values().stream().mapToInt(PolicyDocuments::size).sum();
            if (size > kind.maxInlineSize()) {
                throw new IdentityException(Reason.LIMIT_EXCEEDED, "Maximum policy size of " + kind.maxInlineSize()
                        + " bytes exceeded for " + kind.word() + " " + holder);
            }
            tx.put(IdentityStore.KEYSPACE, HOLDERS, holderKey(kind, holder), PolicyRecords.holder(new HolderPolicies(inline, current.attached())));
            tx.commit();
        }
    }

    /** The document of the holder's inline policy, as it was put. */
    public String inlinePolicy(HolderKind kind, String holder, String policyName) {
        requireHolder(kind, holder);
        String document = holderPolicies(kind, holder).inline().get(policyName);
        if (document == null) throw noSuchInlinePolicy(kind, policyName);
        return document;
    }

    /** The names of the holder's inline policies, ordered. */
    public List<String> inlinePolicyNames(HolderKind kind, String holder) {
        requireHolder(kind, holder);
        return List.copyOf(holderPolicies(kind, holder).inline().keySet());
    }

    public void deleteInlinePolicy(HolderKind kind, String holder, String policyName) {
        StorageEngine engine = keyspace.writable();
        try (StorageTransaction tx = engine.begin()) {
            HolderPolicies current = PolicyRecords.holder(tx.getForUpdate(IdentityStore.KEYSPACE, HOLDERS, holderKey(kind, holder)));
            requireHolder(kind, holder);
            if (!current.inline().containsKey(policyName)) throw noSuchInlinePolicy(kind, policyName);
            Map<String, String> inline = new LinkedHashMap<>(current.inline());
            inline.remove(policyName);
            writeHolder(tx, kind, holder, new HolderPolicies(inline, current.attached()));
            tx.commit();
        }
    }

    // ---- attachments

    /** Attaches the policy; attaching it again changes nothing, as in IAM. */
    public void attachPolicy(HolderKind kind, String holder, String arn) {
        StorageEngine engine = keyspace.writable();
        try (StorageTransaction tx = engine.begin()) {
            HolderPolicies current = PolicyRecords.holder(tx.getForUpdate(IdentityStore.KEYSPACE, HOLDERS, holderKey(kind, holder)));
            requireHolder(kind, holder);
            ManagedPolicy policy = managed.lockForAttachment(tx, arn);
            if (current.attached().contains(arn)) return;
            if (current.attached().size() >= HolderKind.MAX_ATTACHED_POLICIES) {
                throw new IdentityException(Reason.LIMIT_EXCEEDED, "Cannot exceed quota for PoliciesPer" + kind.title() + ": "
                        + HolderKind.MAX_ATTACHED_POLICIES);
            }
            List<String> attached = new ArrayList<>(current.attached());
            attached.add(arn);
            writeHolder(tx, kind, holder, new HolderPolicies(current.inline(), attached));
            ManagedPolicies.writeAttachments(tx, policy, policy.attachmentCount() + 1);
            tx.commit();
        }
    }

    public void detachPolicy(HolderKind kind, String holder, String arn) {
        StorageEngine engine = keyspace.writable();
        try (StorageTransaction tx = engine.begin()) {
            HolderPolicies current = PolicyRecords.holder(tx.getForUpdate(IdentityStore.KEYSPACE, HOLDERS, holderKey(kind, holder)));
            requireHolder(kind, holder);
            if (!AwsManagedPolicies.isAwsArn(arn)) managed.policyName(arn); // InvalidInput for what is no ARN
            if (!current.attached().contains(arn)) {
                throw new IdentityException(Reason.NO_SUCH_ENTITY, "Policy " + arn + " was not found.");
            }
            List<String> attached = new ArrayList<>(current.attached());
            attached.remove(arn);
            writeHolder(tx, kind, holder, new HolderPolicies(current.inline(), attached));
            ManagedPolicy policy = managed.lockForAttachment(tx, arn);
            ManagedPolicies.writeAttachments(tx, policy, Math.max(0, policy.attachmentCount() - 1));
            tx.commit();
        }
    }

    /** The managed policies attached to the holder, in the order they were attached. */
    public List<ManagedPolicy> attachedPolicies(HolderKind kind, String holder) {
        requireHolder(kind, holder);
        List<ManagedPolicy> policies = new ArrayList<>();
        for (String arn : holderPolicies(kind, holder).attached()) managed.findPolicy(arn).ifPresent(policies::add);
        return policies;
    }

    /** The holder's inline policies and attached ARNs as stored, without asking whether the holder exists. */
    public HolderPolicies holderPolicies(HolderKind kind, String holder) {
        StorageEngine engine = keyspace.readable();
        if (engine == null) return HolderPolicies.NONE;
        return PolicyRecords.holder(engine.get(IdentityStore.KEYSPACE, HOLDERS, holderKey(kind, holder)));
    }

    /** Whether the holder has inline or attached policies: IAM refuses to delete it then. */
    public boolean hasPolicies(HolderKind kind, String holder) {
        return !holderPolicies(kind, holder).isEmpty();
    }

    /**
     * Within the transaction that deletes a user, group or role: locks its policies' record and
     * refuses with IAM's DeleteConflict if it has any, so no policy is put meanwhile.
     */
    public static void checkNoPolicies(StorageTransaction tx, HolderKind kind, String holder) {
        HolderPolicies current = PolicyRecords.holder(tx.getForUpdate(IdentityStore.KEYSPACE, HOLDERS, holderKey(kind, holder)));
        if (!current.inline().isEmpty()) {
            throw new IdentityException(Reason.DELETE_CONFLICT, "Cannot delete entity, must delete policies first.");
        }
        if (!current.attached().isEmpty()) {
            throw new IdentityException(Reason.DELETE_CONFLICT, "Cannot delete entity, must detach all policies first.");
        }
    }

    /** Within the transaction that renames a user, group or role: its policies follow it to the new name. */
    public static void moveHolder(StorageTransaction tx, HolderKind kind, String oldName, String newName) {
        byte[] oldKey = holderKey(kind, oldName);
        byte[] newKey = holderKey(kind, newName);
        if (java.util.Arrays.equals(oldKey, newKey)) return;
        byte[] bytes = tx.getForUpdate(IdentityStore.KEYSPACE, HOLDERS, oldKey);
        tx.getForUpdate(IdentityStore.KEYSPACE, HOLDERS, newKey);
        if (bytes == null) {
            tx.delete(IdentityStore.KEYSPACE, HOLDERS, newKey);
            return;
        }
        tx.delete(IdentityStore.KEYSPACE, HOLDERS, oldKey);
        tx.put(IdentityStore.KEYSPACE, HOLDERS, newKey, bytes);
    }

    private static IdentityException noSuchInlinePolicy(HolderKind kind, String policyName) {
        return new IdentityException(Reason.NO_SUCH_ENTITY, "The " + kind.word() + " policy with name " + policyName + " cannot be found.");
    }

    /** IAM's NoSuchEntity for a user, group or role that does not exist. */
    public static IdentityException noSuchHolder(HolderKind kind, String name) {
        return new IdentityException(Reason.NO_SUCH_ENTITY, "The " + kind.word() + " with name " + name + " cannot be found.");
    }

    // ---- helpers

    private void requireHolder(HolderKind kind, String holder) {
        if (!holders.exists(kind, holder)) throw noSuchHolder(kind, holder);
    }

    private static void writeHolder(StorageTransaction tx, HolderKind kind, String holder, HolderPolicies policies) {
        if (policies.isEmpty()) {
            tx.delete(IdentityStore.KEYSPACE, HOLDERS, holderKey(kind, holder));
        } else {
            tx.put(IdentityStore.KEYSPACE, HOLDERS, holderKey(kind, holder), PolicyRecords.holder(policies));
        }
    }


    static byte[] holderKey(HolderKind kind, String name) {
        return (kind.code() + "/" + IamUser.storageName(name)).getBytes(StandardCharsets.UTF_8);
    }



}
