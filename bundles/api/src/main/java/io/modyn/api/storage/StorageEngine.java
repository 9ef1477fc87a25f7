package io.modyn.api.storage;

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
}
