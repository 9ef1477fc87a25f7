package io.modyn.storage.postgres;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.KeyspaceStatistics;
import io.modyn.api.storage.PartitionToken;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageException;
import io.modyn.api.storage.StorageKey;
import io.modyn.api.storage.StorageTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The storage SPI on PostgreSQL: keyspaces and records in tables of one schema (created and
 * upgraded by {@link SchemaMigration}), reached through a HikariCP pool. All concurrency control
 * is in the database (advisory record locks, see {@link PostgresStorageTransaction}), never in
 * this JVM, so any number of Modyn nodes may share one schema.
 *
 * <p>Round trips: a point read is one; a read-modify-write transaction is one per key it locks
 * (lock and read go together) plus one for all its writes and the COMMIT; a range read is one per
 * batch of {@link BatchedRecordCursor}. Statistics are exact counters kept by the committing
 * statement itself (see {@link PostgresStatements}), so reading them is a sum over a few rows.
 *
 * <p>Failures: deadlocks, lock timeouts and serialization failures are
 * {@link io.modyn.api.storage.StorageConflictException}s (the engine retries them); a database
 * that cannot be reached, or a connection lost mid-request, is a retryable
 * {@link StorageException} (a 503 for clients); the pool replaces broken connections by itself,
 * so service resumes when the database is back.
 */
public final class PostgresStorageEngine implements StorageEngine, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PostgresStorageEngine.class.getName());

    private final PostgresStorageOptions options;
    private final HikariDataSource pool;
    private final PostgresStorageJdbc jdbc;
    private volatile boolean closed;

    private PostgresStorageEngine(PostgresStorageOptions options, HikariDataSource pool) {
        this.options = options;
        this.pool = pool;
        this.jdbc = new PostgresStorageJdbc(pool, new PostgresStatements(options.schema()));
    }

    /**
     * Brings the schema up to date and opens the pool. Takes a second or two (Liquibase); throws a
     * retryable {@link StorageException} while the database cannot be reached.
     */
    public static PostgresStorageEngine open(PostgresStorageOptions options) {
        long began = System.nanoTime();
        SchemaMigration.migrate(PostgresDataSources.direct(options), options.schema());
        PostgresStorageEngine engine = new PostgresStorageEngine(options, PostgresDataSources.pooled(options, "modyn-postgres"));
        LOG.info(String.format("PostgreSQL storage opened on %s, pool of up to %d connections, in %d ms",
                options.describeDatabase(), options.maxPoolSize(), (System.nanoTime() - began) / 1_000_000));
        return engine;
    }

    /** The pool's live figures (connections active, idle, waiting), or null once closed. */
    HikariPoolMXBean poolStatistics() {
        return closed ? null : pool.getHikariPoolMXBean();
    }

    int maxPoolSize() {
        return options.maxPoolSize();
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public void createKeyspace(String keyspace) {
        run("create keyspace " + keyspace, () -> {
            jdbc.createKeyspace(keyspace);
            return null;
        });
    }

    @Override
    public void dropKeyspace(String keyspace) {
        run("drop keyspace " + keyspace, () -> {
            jdbc.dropKeyspace(keyspace);
            return null;
        });
    }

    @Override
    public boolean keyspaceExists(String keyspace) {
        return run("look up keyspace " + keyspace, () -> jdbc.keyspaceExists(keyspace));
    }

    @Override
    public byte[] get(String keyspace, byte[] partition, byte[] sort) {
        return run("read a record", () -> jdbc.get(keyspace, partition, sort, PartitionToken.of(partition)));
    }

    @Override
    public RecordCursor query(String keyspace, byte[] partition, KeyRange sortRange, boolean descending) {
        ensureOpen();
        byte[] ownPartition = partition.clone();
        long token = PartitionToken.of(ownPartition);
        return new BatchedRecordCursor((after, limit) -> {
            KeyRange remaining = after == null ? sortRange : descending ? sortRange.before(after.sort()) : sortRange.after(after.sort());
            if (remaining.isEmpty()) return List.of();
            return run("query a partition", () -> jdbc.queryBatch(keyspace, ownPartition, token, remaining, descending, limit));
        });
    }

    @Override
    public RecordCursor scan(String keyspace, int segment, int totalSegments, StorageKey exclusiveStart) {
        ensureOpen();
        long firstToken = PartitionToken.segmentStart(segment, totalSegments);
        long lastToken = segment + 1 == totalSegments ? Long.MAX_VALUE : PartitionToken.segmentStart(segment + 1, totalSegments) - 1;
        return new BatchedRecordCursor((after, limit) -> {
            StorageKey start = after == null ? exclusiveStart : new StorageKey(after.partition(), after.sort());
            return run("scan a keyspace", () -> jdbc.scanBatch(keyspace, firstToken, lastToken, start, limit));
        });
    }

    @Override
    public KeyspaceStatistics statistics(String keyspace) {
        return run("read statistics of " + keyspace, () -> jdbc.statistics(keyspace));
    }

    @Override
    public StorageTransaction begin() {
        ensureOpen();
        return new PostgresStorageTransaction(this, jdbc, options.schema());
    }

    @Override
    public void copyKeyspaces(Map<String, String> sourceToTarget) {
        Map<String, String> copies = Map.copyOf(sourceToTarget);
        run("copy keyspaces " + copies.keySet(), () -> {
            jdbc.copyKeyspaces(copies);
            return null;
        });
    }

    /** A pooled connection with auto-commit off, for a transaction. */
    Connection transactionConnection() throws SQLException {
        ensureOpen();
        return jdbc.transactionConnection();
    }

    /** Closes the pool; requests still arriving get a retryable failure. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        pool.close();
        LOG.info(() -> "PostgreSQL storage closed on " + options.describeDatabase());
    }

    @FunctionalInterface
    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    private <T> T run(String action, SqlCall<T> call) {
        ensureOpen();
        try {
            return call.call();
        } catch (SQLException e) {
            if (closed) throw shutDown();
            throw SqlErrors.translate(e, action);
        }
    }

    private void ensureOpen() {
        if (closed) throw shutDown();
    }

    private static StorageException shutDown() {
        return new StorageException("PostgreSQL storage is shut down", true);
    }
}
