package io.modyn.storage.postgres;

import io.modyn.api.storage.KeyspaceNotFoundException;
import io.modyn.api.storage.RecordChangedException;
import io.modyn.api.storage.StorageException;
import io.modyn.api.storage.StorageTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One database transaction (READ COMMITTED) holding a pooled connection from its first lock to
 * its end. Every key it reads for update or writes is locked with a transaction-scoped advisory
 * lock ({@code pg_advisory_xact_lock} on {@link RecordLockKey}); writes are buffered (the last
 * write to a key wins) and applied at commit by one statement sent together with the COMMIT.
 *
 * <p>Why advisory locks rather than {@code SELECT ... FOR UPDATE} or SERIALIZABLE: a row lock
 * needs a row, but a conditional PutItem must lock a key that does not exist yet (two nodes
 * checking {@code attribute_not_exists} must not both succeed); an advisory lock names the key,
 * present or not. Locks are taken when asked, in the order the engine asks, and may form cycles;
 * PostgreSQL's deadlock detector breaks them (SQLSTATE 40P01) and {@code lock_timeout} bounds
 * every wait (55P03); both surface as {@link io.modyn.api.storage.StorageConflictException}, which
 * the engine retries. SERIALIZABLE would also be correct but aborts whole transactions on
 * read/write overlaps that locks simply order, which under contention means many more retries.
 * Because the database holds the locks, they exclude transactions of every Modyn node sharing it,
 * and they vanish with the session if a node dies.
 *
 * <p>Reads after a lock run as their own statement, so their READ COMMITTED snapshot is taken
 * after the lock was granted and includes everything the previous holder committed.
 */
final class PostgresStorageTransaction implements StorageTransaction {

    /** Marks a buffered delete; compared by identity, so an empty value is still a value. */
    private static final byte[] DELETED = new byte[0];

    private final PostgresStorageEngine engine;
    private final PostgresStorageJdbc jdbc;
    private final String schema;
    private final Set<Long> locked = new HashSet<>();
    private final Map<RecordKey, byte[]> writes = new LinkedHashMap<>();
    /** Records the commit requires unchanged, with their expected values (null: absent). */
    private final Map<RecordKey, byte[]> required = new LinkedHashMap<>();
    private Connection connection;
    private boolean finished;

    PostgresStorageTransaction(PostgresStorageEngine engine, PostgresStorageJdbc jdbc, String schema) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.schema = schema;
    }

    @Override
    public byte[] getForUpdate(String keyspace, byte[] partition, byte[] sort) {
        ensureActive();
        RecordKey key = RecordKey.copyOf(keyspace, partition, sort);
        byte[] pending = writes.get(key);
        if (pending != null) return pending == DELETED ? null : pending;
        long lockKey = lockKey(key);
        try {
            byte[] value = locked.contains(lockKey) ? jdbc.get(connection(), key) : jdbc.lockThenGet(connection(), lockKey, key);
            locked.add(lockKey);
            return value;
        } catch (SQLException e) {
            throw fail(e, "lock and read a record");
        }
    }

    @Override
    public void put(String keyspace, byte[] partition, byte[] sort, byte[] value) {
        RecordKey key = lock(keyspace, partition, sort);
        writes.put(key, value.clone());
    }

    @Override
    public void delete(String keyspace, byte[] partition, byte[] sort) {
        RecordKey key = lock(keyspace, partition, sort);
        writes.put(key, DELETED);
    }

    private RecordKey lock(String keyspace, byte[] partition, byte[] sort) {
        ensureActive();
        RecordKey key = RecordKey.copyOf(keyspace, partition, sort);
        long lockKey = lockKey(key);
        if (locked.contains(lockKey)) return key;
        try {
            jdbc.lock(connection(), lockKey);
        } catch (SQLException e) {
            throw fail(e, "lock a record");
        }
        locked.add(lockKey);
        return key;
    }

    /**
     * Remembered until commit, where the shared advisory locks ({@code pg_advisory_xact_lock_shared},
     * which conflict with the exclusive ones of {@link #getForUpdate} and writes) are taken in the
     * statement before the flush, and the flush compares the records under them.
     */
    @Override
    public void requireUnchanged(String keyspace, byte[] partition, byte[] sort, byte[] expected) {
        ensureActive();
        RecordKey key = RecordKey.copyOf(keyspace, partition, sort);
        byte[] value = expected == null ? null : expected.clone();
        if (required.containsKey(key) && !Arrays.equals(required.get(key), value)) {
            throw new RecordChangedException("a record was required unchanged with two different values: " + key);
        }
        required.put(key, value);
    }

    @Override
    public void commit() {
        ensureActive();
        finished = true;
        boolean committed = false;
        boolean unchanged = true;
        try {
            if (connection == null) return; // nothing was locked, nothing to write
            if (writes.isEmpty()) {
                connection.commit();
            } else {
                long[] sharedLocks = required.keySet().stream().mapToLong(this::lockKey).filter(l -> !locked.contains(l)).sorted().toArray();
                unchanged = jdbc.flushThenCommit(connection, writes, DELETED, required, sharedLocks);
            }
            committed = true;
        } catch (SQLException e) {
            throw commitFailure(e);
        } finally {
            release(committed);
        }
        if (!unchanged) throw new RecordChangedException("a record the commit required unchanged had changed; nothing was written");
    }

    @Override
    public void close() {
        if (finished) return;
        finished = true;
        release(false);
    }

    private long lockKey(RecordKey key) {
        return RecordLockKey.of(schema, key.keyspace(), key.partition(), key.sort());
    }

    private Connection connection() throws SQLException {
        if (connection == null) connection = engine.transactionConnection();
        return connection;
    }

    /** Fails the transaction: it cannot continue after a failed statement. */
    private StorageException fail(SQLException e, String action) {
        finished = true;
        release(false);
        return SqlErrors.translate(e, action);
    }

    /** A commit whose statement names a keyspace that does not exist fails on a NOT NULL or foreign key column. */
    private StorageException commitFailure(SQLException e) {
        String state = SqlErrors.sqlState(e);
        if (SqlErrors.NOT_NULL_VIOLATION.equals(state) || SqlErrors.FOREIGN_KEY_VIOLATION.equals(state)) {
            Set<String> keyspaces = new HashSet<>();
            for (RecordKey key : writes.keySet()) keyspaces.add(key.keyspace());
            return new KeyspaceNotFoundException("cannot commit: a keyspace written to does not exist (one of " + keyspaces + ")", e);
        }
        return SqlErrors.translate(e, "commit a transaction");
    }

    /** Rolls back unless committed (releasing the locks) and returns the connection to the pool. */
    private void release(boolean committed) {
        writes.clear();
        required.clear();
        locked.clear();
        if (connection == null) return;
        Connection held = connection;
        connection = null;
        try {
            if (!committed) PostgresStorageJdbc.rollbackQuietly(held);
            held.close();
        } catch (SQLException e) {
            // A broken connection: the pool discards it, and the server ended the transaction with the session.
        }
    }

    private void ensureActive() {
        if (finished) throw new IllegalStateException("the transaction has already been committed or closed");
    }
}
