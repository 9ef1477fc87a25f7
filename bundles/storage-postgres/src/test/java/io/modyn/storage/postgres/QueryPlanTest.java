package io.modyn.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.PartitionToken;
import io.modyn.api.storage.StorageTransaction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Query, Scan and GetItem must cost the rows they return, not the table: their statements are
 * index range scans of the primary key, never sequential scans. Checked with EXPLAIN on a
 * populated, analysed table, for the plan PostgreSQL makes for given values (custom) and for the
 * one a server-side prepared statement may switch to after a few executions (generic).
 */
class QueryPlanTest {

    private static final String SCHEMA = TestDatabase.schemaFor(QueryPlanTest.class);
    private static final String KEYSPACE = "plan.table";
    private static final byte[] PARTITION = partition(7);
    private static final HexFormat HEX = HexFormat.of();
    private static final String FIRST_BATCH = Integer.toString(BatchedRecordCursor.FIRST_BATCH);

    private static final PostgresStatements SQL = new PostgresStatements(SCHEMA);

    @BeforeAll
    static void populate() throws SQLException {
        TestDatabase.dropSchema(SCHEMA);
        try (PostgresStorageEngine engine = PostgresStorageEngine.open(TestDatabase.options(SCHEMA))) {
            engine.createKeyspace("plan.other");
            engine.createKeyspace(KEYSPACE);
            for (int p = 0; p < 400; p++) {
                try (StorageTransaction tx = engine.begin()) {
                    for (int s = 0; s < 10; s++) tx.put(KEYSPACE, partition(p), new byte[] {(byte) (s * 20)}, new byte[100]);
                    tx.commit();
                }
            }
        }
        TestDatabase.execute("ANALYZE " + SCHEMA + ".records");
        TestDatabase.execute("ANALYZE " + SCHEMA + ".keyspaces");
    }

    @AfterAll
    static void dropSchema() {
        TestDatabase.dropSchema(SCHEMA);
    }

    @Test
    void partitionRangeReadIsAnIndexRangeScan() throws SQLException {
        KeyRange range = new KeyRange(new byte[] {20}, false, new byte[] {(byte) 160}, true);
        for (boolean descending : new boolean[] {false, true}) {
            String plan = assertIndexScan(SQL.query(range, descending),
                    token(PARTITION), bytea(PARTITION), bytea(range.lower()), bytea(range.upper()), FIRST_BATCH, text(KEYSPACE));
            assertTrue(plan.contains("(partition = ") && plan.contains("(sort > ") && plan.contains("(sort <= "),
                    "partition and sort bounds are index conditions:\n" + plan);
        }
    }

    @Test
    void wholePartitionReadIsAnIndexRangeScan() throws SQLException {
        assertIndexScan(SQL.query(KeyRange.all(), false), token(PARTITION), bytea(PARTITION), FIRST_BATCH, text(KEYSPACE));
    }

    @Test
    void scanSegmentIsAnIndexRangeScan() throws SQLException {
        long first = PartitionToken.segmentStart(1, 4);
        long last = PartitionToken.segmentStart(2, 4) - 1;
        String plan = assertIndexScan(SQL.scan(false), Long.toString(first), Long.toString(last), FIRST_BATCH, text(KEYSPACE));
        assertTrue(plan.contains("(token >= ") && plan.contains("(token <= "), "the segment is an index range:\n" + plan);
    }

    @Test
    void continuedScanIsAnIndexRangeScan() throws SQLException {
        String plan = assertIndexScan(SQL.scan(true), Long.toString(Long.MIN_VALUE), Long.toString(Long.MAX_VALUE),
                token(PARTITION), bytea(PARTITION), bytea(new byte[] {40}), FIRST_BATCH, text(KEYSPACE));
        assertTrue(plan.contains("ROW(token, partition, sort) > ROW("), "the exclusive start is an index condition:\n" + plan);
    }

    @Test
    void pointReadIsAnIndexLookup() throws SQLException {
        assertIndexScan(SQL.get, token(PARTITION), bytea(PARTITION), bytea(new byte[] {40}), text(KEYSPACE));
    }

    /** EXPLAINs the statement with custom and with generic planning; returns the custom plan. */
    private static String assertIndexScan(String sql, String... literals) throws SQLException {
        String custom = explain(sql, "force_custom_plan", literals);
        String generic = explain(sql, "force_generic_plan", literals);
        for (String plan : List.of(custom, generic)) {
            assertTrue(plan.contains("Index Scan using records_pkey on records")
                    || plan.contains("Index Scan Backward using records_pkey on records")
                    || plan.contains("Index Only Scan using records_pkey on records"), "no primary-key index scan in:\n" + plan);
            assertFalse(plan.contains("Seq Scan on records"), "a sequential scan of the records:\n" + plan);
            assertTrue(plan.contains("Index Cond: ((keyspace_id = k.id)"), "the keyspace is an index condition:\n" + plan);
        }
        return custom;
    }

    /** PREPARE with $n parameters and EXPLAIN EXECUTE, which shows the plan that execution would use. */
    private static String explain(String sql, String planCacheMode, String... literals) throws SQLException {
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?') numbered.append('$').append(++n); else numbered.append(c);
        }
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET plan_cache_mode = " + planCacheMode);
            statement.execute("PREPARE planned AS " + numbered);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = statement.executeQuery("EXPLAIN EXECUTE planned(" + String.join(", ", literals) + ")")) {
                while (rows.next()) plan.append(rows.getString(1)).append('\n');
            }
            return plan.toString();
        }
    }

    private static byte[] partition(int p) {
        return ("partition-" + p).getBytes(StandardCharsets.UTF_8);
    }

    private static String token(byte[] partition) {
        return Long.toString(PartitionToken.of(partition));
    }

    private static String bytea(byte[] bytes) {
        return "'\\x" + HEX.formatHex(bytes) + "'::bytea";
    }

    private static String text(String value) {
        return "'" + value + "'";
    }
}
