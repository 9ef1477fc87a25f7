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
     * Applies every buffered write atomically. When this returns, the writes are durable as the
     * backend's configured durability promises (by default: on disk).
     *
     * @throws StorageException if nothing was applied
     */
    void commit();

    /** Releases the locks; discards the buffered writes unless {@link #commit} succeeded. */
    @Override
    void close();
}
