package io.modyn.storage.postgres;

import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.KeyspaceStatistics;
import io.modyn.api.storage.StorageKey;
import io.modyn.api.storage.StorageRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Runs {@link PostgresStatements} over JDBC: binds parameters, reads rows, and reports a missing
 * keyspace. Reads outside transactions borrow a pooled connection in auto-commit mode for one
 * statement; transaction steps run on the connection the transaction holds. SQL failures
 * propagate as {@link SQLException} for the engine to translate.
 */
final class PostgresStorageJdbc {

    private final DataSource pool;
    private final PostgresStatements sql;

    PostgresStorageJdbc(DataSource pool, PostgresStatements sql) {
        this.pool = pool;
        this.sql = sql;
    }

    Connection transactionConnection() throws SQLException {
        Connection connection = pool.getConnection();
        try {
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    void createKeyspace(String keyspace) throws SQLException {
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.createKeyspace)) {
            statement.setString(1, keyspace);
            statement.executeUpdate();
        }
    }

    boolean keyspaceExists(String keyspace) throws SQLException {
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.keyspaceExists)) {
            statement.setString(1, keyspace);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * Deletes the keyspace row (its statistics go by cascade), then its records in a second
     * statement, whose fresh snapshot includes every commit that the first one waited for.
     */
    void dropKeyspace(String keyspace) throws SQLException {
        try (Connection connection = transactionConnection()) {
            boolean committed = false;
            try {
                Long id = null;
                try (PreparedStatement statement = connection.prepareStatement(sql.deleteKeyspace)) {
                    statement.setString(1, keyspace);
                    try (ResultSet rows = statement.executeQuery()) {
                        if (rows.next()) id = rows.getLong(1);
                    }
                }
                if (id != null) {
                    try (PreparedStatement statement = connection.prepareStatement(sql.deleteKeyspaceRecords)) {
                        statement.setLong(1, id);
                        statement.executeUpdate();
                    }
                }
                connection.commit();
                committed = true;
            } finally {
                if (!committed) rollbackQuietly(connection);
            }
        }
    }

    /**
     * Copies keyspaces in one REPEATABLE READ transaction: every statement reads the snapshot the
     * first one took, and commits apply in single statements, so each commit is in all the copies
     * or in none. Targets are created in the same transaction, so a failure leaves none.
     */
    void copyKeyspaces(Map<String, String> sourceToTarget) throws SQLException {
        try (Connection connection = transactionConnection()) {
            boolean committed = false;
            try {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                for (Map.Entry<String, String> copy : sourceToTarget.entrySet()) {
                    Long source = keyspaceId(connection, copy.getKey());
                    if (source == null) throw MissingKeyspace.of(copy.getKey());
                    if (keyspaceId(connection, copy.getValue()) != null) {
                        throw new io.modyn.api.storage.StorageException("keyspace " + copy.getValue() + " exists already", false);
                    }
                    long target;
                    try (PreparedStatement statement = connection.prepareStatement(sql.insertKeyspace)) {
                        statement.setString(1, copy.getValue());
                        try (ResultSet rows = statement.executeQuery()) {
                            rows.next();
                            target = rows.getLong(1);
                        }
                    }
                    try (PreparedStatement statement = connection.prepareStatement(sql.copyRecords)) {
                        statement.setLong(1, target);
                        statement.setLong(2, source);
                        statement.setLong(3, target);
                        statement.executeUpdate();
                    }
                }
                connection.commit();
                committed = true;
            } finally {
                if (!committed) rollbackQuietly(connection);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        }
    }

    private Long keyspaceId(Connection connection, String keyspace) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.keyspaceId)) {
            statement.setString(1, keyspace);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    /** Ends a failed transaction; if even that fails, the connection is broken and the pool discards it. */
    static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The original failure is what the caller reports.
        }
    }

    byte[] get(String keyspace, byte[] partition, byte[] sort, long token) throws SQLException {
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.get)) {
            bindGet(statement, 1, keyspace, partition, sort, token);
            try (ResultSet rows = statement.executeQuery()) {
                return valueOrMissing(rows, keyspace);
            }
        }
    }

    /** Reads a committed value on a transaction's connection (whose lock on the key is already held). */
    byte[] get(Connection connection, RecordKey key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.get)) {
            bindGet(statement, 1, key.keyspace(), key.partition(), key.sort(), key.token());
            try (ResultSet rows = statement.executeQuery()) {
                return valueOrMissing(rows, key.keyspace());
            }
        }
    }

    /** Takes the record's advisory lock in the connection's transaction. */
    void lock(Connection connection, long lockKey) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.lock)) {
            statement.setLong(1, lockKey);
            statement.execute();
        }
    }

    /** Takes the record's advisory lock, then reads its committed value: one round trip. */
    byte[] lockThenGet(Connection connection, long lockKey, RecordKey key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.lockThenGet)) {
            statement.setLong(1, lockKey);
            bindGet(statement, 2, key.keyspace(), key.partition(), key.sort(), key.token());
            statement.execute();
            if (!statement.getMoreResults()) throw new SQLException("the read after the lock returned no result");
            try (ResultSet rows = statement.getResultSet()) {
                return valueOrMissing(rows, key.keyspace());
            }
        }
    }

    /**
     * Applies the writes (a value, or {@code deleted} for a delete) and commits, in one round
     * trip, provided every required record holds its expected value (null: absent); the shared
     * locks on the required records are taken first, in a statement of their own. When this
     * returns the transaction is committed: with the writes if it returns true, without them
     * (a required record had changed) if it returns false.
     */
    boolean flushThenCommit(Connection connection, Map<RecordKey, byte[]> writes, byte[] deleted, Map<RecordKey, byte[]> required,
            long[] requiredLocks) throws SQLException {
        Columns puts = new Columns();
        Columns deletes = new Columns();
        writes.forEach((key, value) -> {
            if (value == deleted) deletes.add(key, null); else puts.add(key, value);
        });
        Columns expected = new Columns();
        required.forEach((key, value) -> expected.addNullable(key, value));
        boolean locking = requiredLocks.length > 0;
        boolean unchanged;
        try (PreparedStatement statement = connection.prepareStatement(locking ? sql.lockSharedThenFlushThenCommit : sql.flushThenCommit)) {
            int p = 1;
            if (locking) statement.setArray(p++, connection.createArrayOf("int8", Arrays.stream(requiredLocks).boxed().toArray()));
            p = expected.bind(connection, statement, p, true);
            p = puts.bind(connection, statement, p, true);
            deletes.bind(connection, statement, p, false);
            statement.execute();
            if (locking && !statement.getMoreResults()) throw new SQLException("the flush after the shared locks returned no result");
            try (ResultSet rows = statement.getResultSet()) {
                if (!rows.next()) throw new SQLException("the flush returned no row");
                unchanged = rows.getBoolean(1);
            }
        }
        connection.commit(); // the server has committed; this tells the pool the connection is clean
        return unchanged;
    }

    /** One batch of a partition's records in the range, in the order asked. */
    List<StorageRecord> queryBatch(String keyspace, byte[] partition, long token, KeyRange range, boolean descending, int limit)
            throws SQLException {
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.query(range, descending))) {
            int i = 1;
            statement.setLong(i++, token);
            statement.setBytes(i++, partition);
            if (range.lower() != null) statement.setBytes(i++, range.lower());
            if (range.upper() != null) statement.setBytes(i++, range.upper());
            statement.setInt(i++, limit);
            statement.setString(i, keyspace);
            List<StorageRecord> records = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) throw MissingKeyspace.of(keyspace);
                do {
                    byte[] sort = rows.getBytes(1);
                    if (sort != null) records.add(new StorageRecord(partition, sort, rows.getBytes(2)));
                } while (rows.next());
            }
            return records;
        }
    }

    /** One batch of a token range in key order, strictly after {@code after} when it is given. */
    List<StorageRecord> scanBatch(String keyspace, long firstToken, long lastToken, StorageKey after, int limit) throws SQLException {
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.scan(after != null))) {
            int i = 1;
            statement.setLong(i++, firstToken);
            statement.setLong(i++, lastToken);
            if (after != null) {
                statement.setLong(i++, after.token());
                statement.setBytes(i++, after.partition());
                statement.setBytes(i++, after.sort());
            }
            statement.setInt(i++, limit);
            statement.setString(i, keyspace);
            List<StorageRecord> records = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) throw MissingKeyspace.of(keyspace);
                do {
                    byte[] partition = rows.getBytes(1);
                    if (partition != null) records.add(new StorageRecord(partition, rows.getBytes(2), rows.getBytes(3)));
                } while (rows.next());
            }
            return records;
        }
    }

    KeyspaceStatistics statistics(String keyspace) throws SQLException {
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.statistics)) {
            statement.setString(1, keyspace);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) throw MissingKeyspace.of(keyspace);
                return new KeyspaceStatistics(rows.getLong(1), rows.getLong(2));
            }
        }
    }

    private static void bindGet(PreparedStatement statement, int first, String keyspace, byte[] partition, byte[] sort, long token)
            throws SQLException {
        statement.setLong(first, token);
        statement.setBytes(first + 1, partition);
        statement.setBytes(first + 2, sort);
        statement.setString(first + 3, keyspace);
    }

    /** No row: no such keyspace; one row: the value, null when the record is absent. */
    private static byte[] valueOrMissing(ResultSet rows, String keyspace) throws SQLException {
        if (!rows.next()) throw MissingKeyspace.of(keyspace);
        return rows.getBytes(1);
    }

    /** The writes of one kind as parallel arrays, the shape {@code unnest} takes them in. */
    private static final class Columns {

        private final List<String> keyspaces = new ArrayList<>();
        private final List<Long> tokens = new ArrayList<>();
        private final List<byte[]> partitions = new ArrayList<>();
        private final List<byte[]> sorts = new ArrayList<>();
        private final List<byte[]> values = new ArrayList<>();

        void add(RecordKey key, byte[] value) {
            keyspaces.add(key.keyspace());
            tokens.add(key.token());
            partitions.add(key.partition());
            sorts.add(key.sort());
            if (value != null) values.add(value);
        }

        /** Adds a key with a value that may be null (an expected absence). */
        void addNullable(RecordKey key, byte[] value) {
            add(key, null);
            values.add(value);
        }

        /** Binds the arrays from parameter {@code first} on; returns the next parameter index. */
        int bind(Connection connection, PreparedStatement statement, int first, boolean withValues) throws SQLException {
            int i = first;
            statement.setArray(i++, connection.createArrayOf("text", keyspaces.toArray(new String[0])));
            statement.setArray(i++, connection.createArrayOf("int8", tokens.toArray(new Long[0])));
            statement.setArray(i++, connection.createArrayOf("bytea", partitions.toArray(new byte[0][])));
            statement.setArray(i++, connection.createArrayOf("bytea", sorts.toArray(new byte[0][])));
            if (withValues) statement.setArray(i++, connection.createArrayOf("bytea", values.toArray(new byte[0][])));
            return i;
        }
    }
}
