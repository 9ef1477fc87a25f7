package io.modyn.api.storage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A read-modify-write unit over any number of keyspaces: commits all its writes atomically and
 * durably, or none of them.
 *
 * <p>Every key the transaction reads with {@link #getForUpdate} or writes is locked against other
 * transactions until {@link #commit} or {@link #close}; so a condition checked on a locked read
 * still holds at commit. Writes are buffered and become visible to readers only at commit, all at
 * once. A lock that cannot be taken in the backend's wait time throws
 * {@link StorageConflictException}. Not thread-safe: one thread uses a transaction.
 */
@ProviderType
public interface StorageTransaction extends AutoCloseable {

    /** Locks the key and returns its current value (this transaction's own pending write wins), or null. */
    byte[] getForUpdate(String keyspace, byte[] partition, byte[] sort);

    /** Locks the key and buffers a write of the value. */
    void put(String keyspace, byte[] partition, byte[] sort, byte[] value);

    /** Locks the key and buffers its deletion; deleting an absent key is allowed. */
    void delete(String keyspace, byte[] partition, byte[] sort);

    /**
     * Makes {@link #commit} conditional on another record: the writes are applied only if the
     * record at this key holds exactly {@code expected} (null: absent) when they become visible.
     * Nothing is locked now; at commit the backend takes a <em>shared</em> lock on the key, checks
     * the record, and holds the lock until its writes are visible. Shared holders never wait for
     * one another, but a transaction that locks the key for update ({@link #getForUpdate},
     * {@link #put}, {@link #delete}) waits for them, and they for it; so the record cannot change
     * between the check and the moment this transaction's writes become visible. Being taken at
     * commit, after every other lock of the transaction, the shared lock is held only while the
     * writes are applied, and its holder waits for nothing else meanwhile.
     *
     * <p>What this is for: a transaction computed from a value it read without a lock (a cached
     * schema) commits only if that value is still current, without serializing such transactions
     * with one another as an exclusive lock on the record would.
     *
     * <p>If the record differs at commit, nothing is applied and commit throws
     * {@link RecordChangedException}. Requiring the same key twice with different values throws it
     * at once. A transaction without writes commits without checking.
     */
    void requireUnchanged(String keyspace, byte[] partition, byte[] sort, byte[] expected);

    /**
     * Applies every buffered write atomically. When this returns, the writes are durable as the
     * backend's configured durability promises (by default: on disk).
     *
     * @throws RecordChangedException if a record required unchanged ({@link #requireUnchanged}) had
     *     changed; nothing was applied
     * @throws StorageException if nothing was applied
     */
    void commit();

    /** Releases the locks; discards the buffered writes unless {@link #commit} succeeded. */
    @Override
    void close();
}
