package io.modyn.engine.policy;

import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.stream.StreamResources;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Resource-based policies, kept in the storage keyspace {@value #KEYSPACE} so that every node
 * sharing the storage sees them and they survive restarts: one record per resource, partition =
 * the id of the table (the stream's table for a stream), sort = {@code table} or
 * {@code stream/<label>}.
 *
 * <p>Beside the table definition, not in it: a definition change fences every write computed from
 * the old definition ({@link io.modyn.engine.catalog.TableCatalog#fence}), which a policy change
 * has no reason to do. The other way round holds: a table policy is written fenced on the table's
 * definition, so it commits only while the table it was checked against still exists, never onto
 * a table deleted (and perhaps created again) meanwhile. Keying by table id makes a deleted table's
 * policy invisible to a new table of the same name even before DeleteTable removes it.
 *
 * <p>Changes to one resource's policy are serialized by the locking read of its record, on any
 * node; revision ids are the time of the change in epoch milliseconds (as DynamoDB's are), always
 * above the previous revision's, so they order as the changes did. A deletion is a change too: it
 * leaves a tombstone carrying its revision id.
 */
public final class ResourcePolicyStore {

    public static final String KEYSPACE = "modyn.resourcepolicies";
    /** The ExpectedRevisionId that asks for no policy to be there yet. */
    public static final String NO_POLICY = "NO_POLICY";

    private static final byte FORMAT = 1;
    private static final byte DELETED = 1;
    private static final byte VERSION_DEFAULTED = 2;
    private static final byte[] TABLE_SORT = utf8("table");

    /**
     * A resource's policy record: its policy with the revision id, or, once the policy was deleted,
     * the deletion's revision id alone (a tombstone: DynamoDB answers a repeated Delete with it and
     * checks expected revisions against it).
     *
     * @param document the canonical document; null for a tombstone
     */
    public record StoredPolicy(String document, String revisionId, boolean versionDefaulted) {

        public boolean deleted() {
            return document == null;
        }

        boolean sameAs(CanonicalPolicy policy) {
            return !deleted() && document.equals(policy.document()) && versionDefaulted == policy.versionDefaulted();
        }
    }

    /**
     * An existing resource: the id of the table it belongs to, and the definition of that table
     * when the resource is the table itself (to fence policy writes on it).
     */
    public record Resource(PolicyTarget target, String tableId, TableDefinition table) {
    }

    private ResourcePolicyStore() {
    }

    /** The resource the target names, or ResourceNotFoundException when it does not exist. */
    public static Resource resolve(StorageBinding.Bound bound, PolicyTarget target) {
        if (target.isStream()) {
            String tableId = StreamResources.tableIdOf(bound, target.tableName(), target.streamLabel());
            if (tableId == null) throw PolicyErrors.resourceNotFound(target);
            return new Resource(target, tableId, null);
        }
        TableDefinition table = bound.catalog().find(target.tableName());
        if (table == null) throw PolicyErrors.resourceNotFound(target);
        return new Resource(target, table.tableId(), table);
    }

    /** The policy of a table (streamLabel null) or of one of its streams; null when it has none. */
    public static StoredPolicy find(StorageEngine storage, String tableId, String streamLabel) {
        if (!storage.keyspaceExists(KEYSPACE)) return null;
        StoredPolicy stored = decode(storage.get(KEYSPACE, utf8(tableId), sort(streamLabel)));
        return stored == null || stored.deleted() ? null : stored;
    }

    /** The resource's policy, or PolicyNotFoundException. */
    public static StoredPolicy require(StorageEngine storage, Resource resource) {
        StoredPolicy stored = find(storage, resource.tableId(), resource.target().streamLabel());
        if (stored == null) throw PolicyErrors.noPolicy(resource.target());
        return stored;
    }

    /**
     * Attaches {@code policy} (already checked) if the current policy is the expected one, and
     * returns its revision id: the current one when the document is the same (PutResourcePolicy
     * is idempotent), else a new one.
     */
    public static String put(StorageBinding.Bound bound, Resource resource, CanonicalPolicy policy, String expectedRevisionId, long nowMillis) {
        StorageEngine storage = bound.storage();
        ensureKeyspace(storage);
        byte[] partition = utf8(resource.tableId());
        byte[] sort = sort(resource.target().streamLabel());
        try (StorageTransaction tx = storage.begin()) {
            StoredPolicy current = decode(tx.getForUpdate(KEYSPACE, partition, sort));
            if (expectedRevisionId != null) {
                if (NO_POLICY.equals(expectedRevisionId)) {
                    if (current != null && !current.deleted()) throw PolicyErrors.policyExists(resource.target(), current.revisionId());
                } else {
                    checkRevision(resource.target(), current, expectedRevisionId);
                }
            }
            if (current != null && current.sameAs(policy)) return current.revisionId();
            String revision = nextRevision(current, nowMillis);
            tx.put(KEYSPACE, partition, sort, encode(new StoredPolicy(policy.document(), revision, policy.versionDefaulted())));
            if (resource.table() != null) bound.catalog().fence(tx, resource.table());
            tx.commit();
            return revision;
        }
    }

    /**
     * Stores CreateTable's ResourcePolicy (already checked) once the table exists. Not fenced: a
     * conflict would run CreateTable again, which would then find its own table.
     */
    public static void storeOnCreate(StorageBinding.Bound bound, TableDefinition table, String tableArn, CanonicalPolicy document,
                                     long nowMillis) {
        if (document == null) return;
        put(bound, new Resource(new PolicyTarget(tableArn, table.tableName(), null), table.tableId(), null), document, null, nowMillis);
    }

    /**
     * Removes the resource's policy if it is the expected one, leaving a tombstone with the
     * deletion's revision id, and answers the removed policy's revision id. Without a policy the
     * delete is a no-op answering the tombstone's revision id, or none if there never was a policy.
     */
    public static String delete(StorageEngine storage, Resource resource, String expectedRevisionId, long nowMillis) {
        if (!storage.keyspaceExists(KEYSPACE)) {
            // No policy was ever stored here.
            if (expectedRevisionId != null) throw PolicyErrors.noAssociatedPolicy(resource.target(), expectedRevisionId);
            return null;
        }
        byte[] partition = utf8(resource.tableId());
        byte[] sort = sort(resource.target().streamLabel());
        try (StorageTransaction tx = storage.begin()) {
            StoredPolicy current = decode(tx.getForUpdate(KEYSPACE, partition, sort));
            if (expectedRevisionId != null) checkRevision(resource.target(), current, expectedRevisionId);
            if (current == null || current.deleted()) return current == null ? null : current.revisionId();
            tx.put(KEYSPACE, partition, sort, encode(new StoredPolicy(null, nextRevision(current, nowMillis), false)));
            tx.commit();
            return current.revisionId();
        }
    }

    /**
     * Removes a deleted table's own policy record. Its streams' policies stay: a stream outlives its
     * table, readable (and governed by its policy) until retention removes it.
     */
    public static void removeTablePolicy(StorageEngine storage, TableDefinition table) {
        if (!storage.keyspaceExists(KEYSPACE)) return;
        try (StorageTransaction tx = storage.begin()) {
            tx.delete(KEYSPACE, utf8(table.tableId()), TABLE_SORT);
            tx.commit();
        }
    }

    private static void checkRevision(PolicyTarget target, StoredPolicy current, String expected) {
        if (current == null) throw PolicyErrors.noAssociatedPolicy(target, expected);
        if (!current.revisionId().equals(expected)) throw PolicyErrors.revisionMismatch(target, expected, current.revisionId());
    }

    /** Now, in epoch milliseconds, or one more than the previous revision if the clock has not passed it. */
    static String nextRevision(StoredPolicy previous, long nowMillis) {
        long next = nowMillis;
        if (previous != null) {
            try {
                next = Math.max(next, Long.parseLong(previous.revisionId()) + 1);
            } catch (NumberFormatException e) {
                // not one of ours: the clock decides
            }
        }
        return Long.toString(next);
    }

    /** Creating a keyspace is a heavyweight storage operation: done once, by the first policy written. */
    private static void ensureKeyspace(StorageEngine storage) {
        if (!storage.keyspaceExists(KEYSPACE)) storage.createKeyspace(KEYSPACE);
    }

    private static byte[] sort(String streamLabel) {
        return streamLabel == null ? TABLE_SORT : utf8("stream/" + streamLabel);
    }

    // Record value: format byte, flags byte (DELETED, VERSION_DEFAULTED), revision id length (2 bytes)
    // and UTF-8 bytes, then the document's UTF-8 bytes (none for a tombstone).

    static byte[] encode(StoredPolicy policy) {
        byte[] revision = utf8(policy.revisionId());
        byte[] document = policy.deleted() ? new byte[0] : utf8(policy.document());
        byte flags = (byte) ((policy.deleted() ? DELETED : 0) | (policy.versionDefaulted() ? VERSION_DEFAULTED : 0));
        return ByteBuffer.allocate(4 + revision.length + document.length)
                .put(FORMAT).put(flags).putShort((short) revision.length).put(revision).put(document).array();
    }

    static StoredPolicy decode(byte[] stored) {
        if (stored == null) return null;
        ByteBuffer in = ByteBuffer.wrap(stored);
        byte format = in.get();
        if (format != FORMAT) throw new IllegalStateException("unknown resource policy record format " + format);
        byte flags = in.get();
        byte[] revision = new byte[Short.toUnsignedInt(in.getShort())];
        in.get(revision);
        byte[] document = new byte[in.remaining()];
        in.get(document);
        String revisionId = new String(revision, StandardCharsets.UTF_8);
        if ((flags & DELETED) != 0) return new StoredPolicy(null, revisionId, false);
        return new StoredPolicy(new String(document, StandardCharsets.UTF_8), revisionId, (flags & VERSION_DEFAULTED) != 0);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
