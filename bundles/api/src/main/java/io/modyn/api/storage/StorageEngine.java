package io.modyn.api.storage;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A storage backend: named keyspaces of ordered records with atomic multi-keyspace commits.
 *
 * <p>Storage knows nothing of DynamoDB. A record key is (partition bytes, sort bytes) and records
 * are ordered as {@link KeyOrder} defines; values are opaque bytes. Reads outside a transaction see
 * only committed data and each record atomically. A backend registers one service of this type;
 * while it is unregistered the engine answers requests with a retryable error.
 *
 * <p>Keyspace names match {@code [A-Za-z0-9._-]{1,200}}. Operations on a keyspace that does not
 * exist throw a non-retryable {@link StorageException}.
 */
@ProviderType
public interface StorageEngine {

    /** A short name for logs and metrics, such as {@code file} or {@code postgres}. */
    String name();

    /** Creates the keyspace if it does not exist. Durable when it returns. */
    void createKeyspace(String keyspace);

    /** Drops the keyspace and all its records if it exists. Durable when it returns. */
    void dropKeyspace(String keyspace);

    boolean keyspaceExists(String keyspace);

    /** The committed value of a key, or null. */
    byte[] get(String keyspace, byte[] partition, byte[] sort);

    /**
     * The records of one partition whose sort key is in the range, ascending or descending.
     * The cursor may read lazily and in batches.
     */
    RecordCursor query(String keyspace, byte[] partition, KeyRange sortRange, boolean descending);

    /**
     * The records of one scan segment in key order, starting strictly after {@code exclusiveStart}
     * when it is given (the start key need not exist any more).
     *
     * @param segment 0-based segment, see {@link PartitionToken#segmentStart}
     * @param totalSegments 1 for a whole-keyspace scan
     */
    RecordCursor scan(String keyspace, int segment, int totalSegments, StorageKey exclusiveStart);

    /** Approximate counts; may lag recent writes. */
    KeyspaceStatistics statistics(String keyspace);

    /** Starts a read-modify-write transaction. */
    StorageTransaction begin();

    /**
     * Copies keyspaces as of one instant: each target gets the committed records its source held
     * at that instant, and the instant is the same for every source, so a transaction that wrote to
     * several of them is in all the copies or in none. Writes may go on meanwhile; they are not in
     * the copies. The targets are created by this call and must not exist before it; a copy is an
     * ordinary keyspace afterwards. Durable when it returns; if it throws, the targets that were
     * created are left for the caller to drop. Backends may share storage between a source and its
     * copy (hard links of immutable files), so a copy may cost little until the source changes.
     * What it is for: backups that are consistent across a table's keyspaces.
     *
     * @param sourceToTarget each source keyspace and the name of its copy
     * @throws KeyspaceNotFoundException if a source does not exist
     * @throws StorageException if a target exists already
     * @since 1.3
     */
    void copyKeyspaces(Map<String, String> sourceToTarget);
}
