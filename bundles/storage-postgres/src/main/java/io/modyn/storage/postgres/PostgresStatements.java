package io.modyn.storage.postgres;

import io.modyn.api.storage.KeyRange;

/**
 * The SQL text of the PostgreSQL backend, apart from the logic that runs it (as Oak's RDB store
 * keeps its SQL apart): one place to read what the backend asks of the database, and what the
 * query-plan test checks.
 *
 * <p>Tables (see the Liquibase changelog): {@code keyspaces(id, name)};
 * {@code records(keyspace_id, token, partition, sort, value)} whose primary key
 * {@code (keyspace_id, token, partition, sort)} is the SPI's {@code KeyOrder} (bigint token,
 * then {@code bytea}, which compares unsigned byte by byte whatever the collation); and
 * {@code keyspace_statistics(keyspace_id, shard, record_count, size_bytes)}, counters kept in the
 * writing transaction and spread over {@value #STATISTICS_SHARDS} rows per keyspace (chosen by
 * server process id) so that concurrent writers of one table rarely wait for the same counter.
 *
 * <p>Reads name the keyspace and join {@code keyspaces}, so one round trip both resolves the name
 * and reads; no row at all means the keyspace does not exist. Range reads are
 * {@code LATERAL ... ORDER BY ... LIMIT}: a bounded index range scan per batch.
 */
final class PostgresStatements {

    static final int STATISTICS_SHARDS = 16;

    final String createKeyspace;
    final String keyspaceExists;
    final String deleteKeyspace;
    final String deleteKeyspaceRecords;
    final String get;
    final String lock;
    final String lockThenGet;
    final String flushThenCommit;
    final String lockSharedThenFlushThenCommit;
    final String statistics;
    final String keyspaceId;
    final String insertKeyspace;
    final String copyRecords;
    private final String schema;

    PostgresStatements(String schema) {
        this.schema = SchemaName.check(schema);
        createKeyspace = sql("INSERT INTO {s}.keyspaces (name) VALUES (?) ON CONFLICT (name) DO NOTHING");
        keyspaceExists = sql("SELECT 1 FROM {s}.keyspaces WHERE name = ?");
        deleteKeyspace = sql("DELETE FROM {s}.keyspaces WHERE name = ? RETURNING id");
        deleteKeyspaceRecords = sql("DELETE FROM {s}.records WHERE keyspace_id = ?");
        // Parameters: keyspace name, token, partition, sort.
        get = sql("""
                SELECT r.value FROM {s}.keyspaces k
                LEFT JOIN {s}.records r ON r.keyspace_id = k.id AND r.token = ? AND r.partition = ? AND r.sort = ?
                WHERE k.name = ?""");
        lock = "SELECT pg_advisory_xact_lock(?)";
        // Two statements, one round trip: the read runs after the lock is granted, with a snapshot
        // taken then (READ COMMITTED), so it sees what the previous holder committed.
        lockThenGet = lock + ";\n" + get;
        flushThenCommit = sql(FLUSH) + ";\nCOMMIT";
        // The shared locks in a statement of their own, so that the flush's snapshot (READ
        // COMMITTED) is taken after they are granted and sees what an exclusive holder committed.
        lockSharedThenFlushThenCommit = "SELECT pg_advisory_xact_lock_shared(l) FROM unnest(?::bigint[]) AS l;\n" + flushThenCommit;
        keyspaceId = sql("SELECT id FROM {s}.keyspaces WHERE name = ?");
        insertKeyspace = sql("INSERT INTO {s}.keyspaces (name) VALUES (?) RETURNING id");
        // Parameters: target id, source id, target id. The copy's counters go in one shard row.
        copyRecords = sql("""
                WITH copied AS (
                  INSERT INTO {s}.records (keyspace_id, token, partition, sort, value)
                  SELECT ?, token, partition, sort, value FROM {s}.records WHERE keyspace_id = ?
                  RETURNING octet_length(partition) + octet_length(sort) + octet_length(value) AS size)
                INSERT INTO {s}.keyspace_statistics (keyspace_id, shard, record_count, size_bytes)
                SELECT ?, 0, count(*), coalesce(sum(size), 0) FROM copied""");
        statistics = sql("""
                SELECT coalesce(sum(s.record_count), 0), coalesce(sum(s.size_bytes), 0) FROM {s}.keyspaces k
                LEFT JOIN {s}.keyspace_statistics s ON s.keyspace_id = k.id
                WHERE k.name = ? GROUP BY k.id""");
    }

    String schema() {
        return schema;
    }

    /**
     * One batch of a partition's records in a sort range. Parameters: token, partition, then the
     * bounds the range has (lower, upper), then the limit, then the keyspace name. Columns: sort,
     * value; a single row of nulls means an empty result in an existing keyspace.
     */
    String query(KeyRange range, boolean descending) {
        StringBuilder where = new StringBuilder("keyspace_id = k.id AND token = ? AND partition = ?");
        if (range.lower() != null) where.append(range.lowerInclusive() ? " AND sort >= ?" : " AND sort > ?");
        if (range.upper() != null) where.append(range.upperInclusive() ? " AND sort <= ?" : " AND sort < ?");
        return sql("SELECT r.sort, r.value FROM {s}.keyspaces k LEFT JOIN LATERAL (\n"
                + "  SELECT sort, value FROM {s}.records WHERE " + where + "\n"
                + "  ORDER BY sort" + (descending ? " DESC" : "") + " LIMIT ?) r ON true\n"
                + "WHERE k.name = ?");
    }

    /**
     * One batch of a scan segment in key order. Parameters: first and last token of the segment,
     * then (when continuing) the exclusive start token, partition and sort, then the limit, then
     * the keyspace name. Columns: partition, sort, value; nulls as in {@link #query}.
     */
    String scan(boolean continuing) {
        return sql("SELECT r.partition, r.sort, r.value FROM {s}.keyspaces k LEFT JOIN LATERAL (\n"
                + "  SELECT token, partition, sort, value FROM {s}.records\n"
                + "  WHERE keyspace_id = k.id AND token BETWEEN ? AND ?"
                + (continuing ? " AND (token, partition, sort) > (?, ?, ?)" : "") + "\n"
                + "  ORDER BY token, partition, sort LIMIT ?) r ON true\n"
                + "WHERE k.name = ?");
    }

    /**
     * A transaction's buffered writes, applied by one statement. Parameters: five arrays of the
     * records the commit requires unchanged (keyspace names, tokens, partitions, sorts, expected
     * values, null for absent), five of the puts (keyspace names, tokens, partitions, sorts,
     * values) and four of the deletes. Its one column tells whether every required record held
     * its expected value; if one did not, the statement writes nothing. It reads
     * the previous sizes of the keys it changes (it holds their locks, so nothing moves under it),
     * deletes, upserts, and adds the difference to this session's statistics shard of each
     * keyspace, in keyspace order so that two commits never wait for each other's counters in a
     * cycle.
     *
     * <p>A keyspace name that does not resolve leaves a null keyspace id, which the NOT NULL
     * columns refuse: the statement fails and the COMMIT sent with it never runs. The statistics
     * row references its keyspace, so a commit racing with the keyspace's drop either fails on
     * that reference or holds the counter row the drop's cascade must wait for, and the drop's
     * following record delete then sees its rows.
     */
    private static final String FLUSH = """
            WITH guard AS (
              SELECT NOT EXISTS (
                SELECT 1 FROM unnest(?::text[], ?::bigint[], ?::bytea[], ?::bytea[], ?::bytea[]) AS q(keyspace, token, partition, sort, value)
                LEFT JOIN {s}.keyspaces k ON k.name = q.keyspace
                LEFT JOIN {s}.records r ON r.keyspace_id = k.id AND r.token = q.token AND r.partition = q.partition AND r.sort = q.sort
                WHERE r.value IS DISTINCT FROM q.value) AS unchanged),
            puts AS (
              SELECT (SELECT k.id FROM {s}.keyspaces k WHERE k.name = p.keyspace) AS keyspace_id, p.token, p.partition, p.sort, p.value
              FROM unnest(?::text[], ?::bigint[], ?::bytea[], ?::bytea[], ?::bytea[]) AS p(keyspace, token, partition, sort, value)
              WHERE (SELECT unchanged FROM guard)),
            deletes AS (
              SELECT (SELECT k.id FROM {s}.keyspaces k WHERE k.name = d.keyspace) AS keyspace_id, d.token, d.partition, d.sort
              FROM unnest(?::text[], ?::bigint[], ?::bytea[], ?::bytea[]) AS d(keyspace, token, partition, sort)
              WHERE (SELECT unchanged FROM guard)),
            changes AS (
              SELECT keyspace_id, token, partition, sort, octet_length(partition) + octet_length(sort) + octet_length(value) AS new_size FROM puts
              UNION ALL
              SELECT keyspace_id, token, partition, sort, NULL FROM deletes),
            previous AS (
              SELECT r.keyspace_id, r.token, r.partition, r.sort,
                     octet_length(r.partition) + octet_length(r.sort) + octet_length(r.value) AS old_size
              FROM {s}.records r JOIN changes c USING (keyspace_id, token, partition, sort)),
            deleted AS (
              DELETE FROM {s}.records r USING deletes d
              WHERE r.keyspace_id = d.keyspace_id AND r.token = d.token AND r.partition = d.partition AND r.sort = d.sort),
            upserted AS (
              INSERT INTO {s}.records (keyspace_id, token, partition, sort, value)
              SELECT keyspace_id, token, partition, sort, value FROM puts
              ON CONFLICT (keyspace_id, token, partition, sort) DO UPDATE SET value = EXCLUDED.value),
            deltas AS (
              SELECT c.keyspace_id,
                     sum((c.new_size IS NOT NULL)::int - (p.old_size IS NOT NULL)::int) AS records,
                     sum(coalesce(c.new_size, 0) - coalesce(p.old_size, 0)) AS bytes
              FROM changes c LEFT JOIN previous p USING (keyspace_id, token, partition, sort)
              GROUP BY c.keyspace_id),
            counted AS (
              INSERT INTO {s}.keyspace_statistics AS s (keyspace_id, shard, record_count, size_bytes)
              SELECT keyspace_id, pg_backend_pid() % {shards}, records, bytes FROM deltas ORDER BY keyspace_id
              ON CONFLICT (keyspace_id, shard) DO UPDATE
              SET record_count = s.record_count + EXCLUDED.record_count, size_bytes = s.size_bytes + EXCLUDED.size_bytes)
            SELECT unchanged FROM guard""";

    private String sql(String template) {
        return template.replace("{s}", schema).replace("{shards}", Integer.toString(STATISTICS_SHARDS));
    }
}
